// The baseline: a hand-written ConfirmSignUp with fetch and nothing else.
export async function rawConfirm(endpoint, clientId, username, code) {
  const res = await fetch(endpoint, {
    method: "POST",
    headers: { "Content-Type": "application/x-amz-json-1.1", "X-Amz-Target": "AWSCognitoIdentityProviderService.ConfirmSignUp" },
    body: JSON.stringify({ ClientId: clientId, Username: username, ConfirmationCode: code }),
    credentials: "omit",
  });
  const body = await res.json();
  if (body.__type) throw Object.assign(new Error(body.message), { name: body.__type });
  return body;
}
