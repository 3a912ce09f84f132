export declare class CsvSyntaxError extends Error {
    readonly row: number;
    constructor(message: string, row: number);
}
export type RowCallback = (fields: string[], count: number) => void;
export declare class CsvParser {
    private readonly onRow;
    private rest;
    private readonly fields;
    /** Rows passed to the callback so far (blank lines not counted). */
    rows: number;
    constructor(onRow: RowCallback);
    push(chunk: string): void;
    end(): void;
    /** Parses whole rows of `s`; returns where the first incomplete one starts (all of `s` when `final`). */
    private parse;
    private emit;
}
