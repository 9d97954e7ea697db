// Test stand-in for the generated models.
export interface ResolvedUser {
  identifier: string;
  muxiUserId: string;
  internalUserId?: number;
}
