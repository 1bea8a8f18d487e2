// FCM HTTP v1 refusals: { error: { code, status, message, details: [{ "@type": ".../FcmError", errorCode }] } }.
// The HTTP status already says retryable (429, 5xx) or not; this names the code the core
// stores. `token_gone`: the app was uninstalled or the token is invalid; the core may delete it.

interface TFcmErrorBody {
  error?: { status?: string; message?: string; details?: { errorCode?: string }[] };
}

export function fcmErrorCode(text: string): string | undefined {
  let body: TFcmErrorBody;
  try {
    body = JSON.parse(text) as TFcmErrorBody;
  } catch {
    return undefined;
  }
  const errorCode = body.error?.details?.find((d) => d.errorCode)?.errorCode ?? body.error?.status;
  if (!errorCode) return undefined;
  if (errorCode === "UNREGISTERED") return "token_gone";
  if (errorCode === "INVALID_ARGUMENT" && /registration token/i.test(body.error?.message ?? "")) return "token_gone";
  return errorCode.toLowerCase();
}
