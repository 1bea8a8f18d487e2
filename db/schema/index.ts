export * from "./auth";
export * from "./workspaces";
export * from "./api-keys";
export * from "./audit";
export * from "./workflows";
export * from "./profiles";
export * from "./event-definitions";
export * from "./audiences";
