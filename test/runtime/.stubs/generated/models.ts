// Test stand-in for the generated models.
export interface ResolvedUser {
  identifier: string;
  muxiUserId: string;
  internalUserId?: number;
}

export type UserIdentifierInput = string | [string, string] | { identifier: string; type?: string };

export interface LinkedUserIdentifiers {
  muxiUserId: string;
  identifiers: Array<{ identifier: string; type: string }>;
  count: number;
}
