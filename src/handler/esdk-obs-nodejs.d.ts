// esdk-obs-nodejs ships no types; the handler calls only its constructor and the inventory methods.
declare module 'esdk-obs-nodejs' {
  class ObsClient {
    constructor(options: Record<string, unknown>);
  }
  export = ObsClient;
}
