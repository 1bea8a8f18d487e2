// The contract test kit: imported by plugin tests only, never by a plugin itself.
export { runPluginContract } from "./contract";
export type { TContractOptions } from "./contract-options";
export { closedPort, startFakeServer } from "./fake-server";
export type { TFakeReply, THttpFake, TProviderFake, TRecordedRequest } from "./fake-server";
export { importViolations } from "./import-boundary";
