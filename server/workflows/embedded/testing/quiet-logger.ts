/**
 * A logger that says nothing, for tests and benches. It has flush(): without one the SDK
 * waits on a timer at the end of every call (ProxyLogger.flush), which reads as milliseconds a call.
 */
export const quietLogger = { info() {}, warn() {}, error() {}, debug() {}, async flush() {} };
