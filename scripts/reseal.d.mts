export type ResealResult = {
  currentKeyId: string | null;
  resealed: number;
  upToDate: number;
  unreadable: { id: string; name: string; workspace: string; reason: "no_key" | "auth_failed" | "format" }[];
  forgotten: number;
};
export declare function resealAll(options?: {
  databaseUrl?: string;
  dataDir?: string;
  environment?: Record<string, string | undefined>;
  forgetUnreadable?: boolean;
}): Promise<ResealResult>;
