export function findChromium(): Promise<{ path: string; from: string } | { path: null; help: string }>;
export const QUIET_NETWORK_ARGS: string[];
export const CHROME_BUILD: string;
export function extensionArgs(dir?: string): string[];
export function sandboxArgs(): string[];
