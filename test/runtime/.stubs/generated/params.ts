// Test stand-in for the generated params interfaces.
import type { UserIdentifierInput } from "./models.js";

export interface LinkUserIdentifierParams {
  muxiUserId?: string;
  identifiers: UserIdentifierInput[];
}

export interface ResolveUserParams {
  identifier: string;
  identifierType?: string;
}
