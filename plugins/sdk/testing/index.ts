// The contract test kit: imported by plugin tests only, never by a plugin itself.
export { allowPrivateHost } from "./allow-private-host";
export { runPluginContract } from "./contract";
export type { TContractOptions } from "./contract-options";
export { closedPort, startFakeServer } from "./fake-server";
export type { TFakeReply, THttpFake, TProviderFake, TRecordedRequest } from "./fake-server";
export { importViolations } from "./import-boundary";
export { startInternalTarget, stubDns } from "./internal-target";
export type { TInternalTarget } from "./internal-target";
