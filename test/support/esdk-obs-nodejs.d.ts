// esdk-obs-nodejs ships no types; the tests call only its constructor and the methods whose requests they capture.
declare module 'esdk-obs-nodejs' {
  class ObsClient {
    constructor(options: Record<string, unknown>);
  }
  export = ObsClient;
}
