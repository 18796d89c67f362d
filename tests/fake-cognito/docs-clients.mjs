// The app clients the documentation's examples name (README.md, docs/),
// known to the fake so that tests/docs/ runs those examples unchanged:
// one without a secret and one with (its secret reaches an example as
// process.env.COGNITO_CLIENT_SECRET, as a server would hold it).
export const DOCS_CLIENTS = {
  "1example23456789abcdefghij": { secret: null },
  "2example23456789abcdefghij": { secret: "docsclientsecret0123456789abcdefghijklmnopqrstuvw" },
};
