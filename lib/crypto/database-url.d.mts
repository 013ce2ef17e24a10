export declare const isPostgresUrl: (databaseUrl: string | undefined) => boolean;
export declare function sqliteFile(databaseUrl: string | undefined): string | null;
export declare function redactUrl(databaseUrl: string): string;
