// The plugin contract: everything a channel plugin may import from Parcours.
export * from "./errors";
export * from "./kinds";
export * from "./plugin";
export * from "./settings";
export * from "./http";
export * from "./outgoing";
