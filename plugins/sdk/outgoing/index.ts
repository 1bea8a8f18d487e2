// Outgoing requests to URLs that users give: the address guard (docs/security.md, "Outgoing requests").
export { ALLOWED_PRIVATE_HOSTS_ENV, isAllowListed } from "./allowed-hosts";
export { isIpAddress, isPublicAddress } from "./classify-address";
export { outgoingUrlProblem, refuseInternalUrl, REFUSED_ADDRESS_MESSAGE } from "./check-outgoing-url";
export { guardedFetch, type TOutgoingRequest, type TOutgoingResponse } from "./guarded-fetch";
export { connectLookup, outgoingHostProblem } from "./check-outgoing-host";
export { RefusedAddressError } from "./guarded-lookup";
