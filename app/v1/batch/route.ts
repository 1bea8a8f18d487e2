// The stock Segment clients post to /v1/batch: only their host needs changing.
export { POST } from "@/app/api/v1/batch/route";
