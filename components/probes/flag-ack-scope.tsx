"use client";
import { createContext, useContext } from "react";

// Where a report's flags are read, for "Expected for this persona" (issue 12 §7):
// in the studio (who acknowledged it and when; editors acknowledge and undo) or
// in public (a share link: only the reason, never a workspace member's name).
// The default is public, so a report rendered without a scope never shows names.

export type FlagAckScope =
  | { audience: "studio"; workspaceId: string; personaId: string; canEdit: boolean }
  | { audience: "public" };

const FlagAckScopeContext = createContext<FlagAckScope>({ audience: "public" });

export const FlagAckScopeProvider = FlagAckScopeContext.Provider;
export const useFlagAckScope = () => useContext(FlagAckScopeContext);
