// <cognito-sign-up>: the sign-up and confirmation form, on the package's own
// calls (signUp → confirmSignUp with the session → autoSignIn → done).
//
// Light DOM only: the forms and inputs are the page's own elements, so
// password managers, autofill, labels and Enter-to-submit work as on any form.
// A <form> the page wrote inside the element is upgraded instead of rendered:
// the one with a field named `code` is the confirm step, another one the
// sign-up step; what the page left out is rendered. Nothing is written with
// innerHTML and no style attribute is set (strict CSP and Trusted Types); the
// stylesheet is adopted by the document once (./css.js, made from
// element.css by js/package.mjs).
//
// Three steps, shown one at a time (`data-step` on the element): `sign-up`,
// `confirm`, `done`. A step the page sets (`step` attribute or property) is
// shown without events and without moving focus; a step the user reaches
// moves focus to its heading and fires the events. `data-state` is `idle`,
// `busy` or `error`.

import { autoSignIn, confirmSignUp, ready, resendSignUpCode, signUp } from "../index.js";
import css from "./css.js";
import { chain, en, onRegister } from "./strings.js";

const STEPS = ["sign-up", "confirm", "done"];
// Attributes, each also a property: [property, kind] (kind: string, number, boolean).
const PROPS = {
  "user-pool-id": "userPoolId",
  "client-id": "clientId",
  region: "region",
  endpoint: "endpoint",
  "secret-hash-url": "secretHashUrl",
  step: "step",
  username: "username",
  "user-attributes": "userAttributes",
  "code-length": "codeLength",
  "resend-cooldown": "resendCooldown",
  "no-auto-sign-in": "noAutoSignIn",
};
const NUMBERS = { "code-length": 6, "resend-cooldown": 60 };
// The input for a field name: [type, autocomplete]; others are text without autocomplete.
const INPUTS = {
  username: ["text", "username"],
  password: ["password", "new-password"],
  email: ["email", "email"],
  phone_number: ["tel", "tel"],
  code: ["text", "one-time-code"],
  name: ["text", "name"],
  given_name: ["text", "given-name"],
  family_name: ["text", "family-name"],
  middle_name: ["text", "additional-name"],
  nickname: ["text", "nickname"],
  birthdate: ["date", "bday"],
};
// Error name → the text key, when it is not the name itself.
const KEYS = {
  TooManyFailedAttemptsException: "TooManyAttempts",
  LimitExceededException: "TooManyAttempts",
  TooManyRequestsException: "TooManyAttempts",
  UserLambdaValidationException: "LambdaRefused",
  InvalidLambdaResponseException: "LambdaRefused",
  UnexpectedLambdaException: "LambdaRefused",
  InvalidEmailRoleAccessPolicyException: "DeliverySetup",
  InvalidSmsRoleAccessPolicyException: "DeliverySetup",
  InvalidSmsRoleTrustRelationshipException: "DeliverySetup",
  FeatureUnavailableInTierException: "AutoSignInUnavailable",
  UnsupportedOperationException: "AutoSignInUnavailable",
  NetworkError: "Offline",
  TimeoutError: "Offline",
};
// Error name → the field it is about (an attribute: the first one asked for).
const FIELDS = {
  UsernameExistsException: "username",
  UserNotFoundException: "username",
  InvalidPasswordException: "password",
  CodeMismatchException: "code",
  ExpiredCodeException: "code",
  AliasExistsException: 1,
  CodeDeliveryFailureException: 1,
};

let adopted;
let warmed;
let ids = 0;

const el = (tag, props, ...children) => {
  const e = Object.assign(document.createElement(tag), props);
  e.append(...children);
  return e;
};

export class CognitoSignUpElement extends HTMLElement {
  static observedAttributes = [...Object.keys(PROPS), "lang"];

  /** Defines the element as `tag` (no error when that tag is already defined); returns the class. */
  static define(tag = "cognito-sign-up", registry = customElements) {
    if (!registry.get(tag)) registry.define(tag, this);
    return this;
  }

  #texts = new Map(); // node → [key, ...args]: what paint() writes
  #forms = {}; // step → form or section
  #session;
  #delivery;
  #otp;
  #timer;
  #until = 0;
  #config;
  #strings;
  #painting;
  #stop;
  #status;
  #pageForms = new Set();

  /** A whole CognitoConfig (a `secretHash` function included); its members win over the attributes. */
  get config() {
    return this.#config;
  }
  set config(value) {
    this.#config = value;
  }

  /** Overrides of any text of strings.js, for this element: `{ signUpHeading: "Join us" }`. */
  get strings() {
    return this.#strings;
  }
  set strings(value) {
    this.#strings = value;
    this.#paint();
  }

  connectedCallback() {
    if (!adopted) {
      adopted = new CSSStyleSheet();
      adopted.replaceSync(css);
      document.adoptedStyleSheets = [...document.adoptedStyleSheets, adopted];
    }
    this.#stop = onRegister(() => this.#paint());
    if (!this.#forms.done) this.#build();
    this.#show(this.step, false);
    // The .wasm loads once the page is idle: rendering never waits for it.
    if (!warmed) {
      warmed = 1;
      const warm = () => ready().catch(() => (warmed = 0));
      globalThis.requestIdleCallback ? requestIdleCallback(warm) : setTimeout(warm, 1);
    }
  }

  disconnectedCallback() {
    this.#stop?.();
    this.#otpStop();
    clearInterval(this.#timer);
    this.#until = 0;
  }

  attributeChangedCallback(name, old, value) {
    if (!this.#forms.done || old == value) return;
    if (name == "step") value != this.dataset.step && this.#show(value, false);
    else if (name == "user-attributes") this.#build();
    else this.#paint();
  }

  // --- Rendering ---------------------------------------------------------------------------------

  /** The texts of the element's language: its `strings`, then de-AT → de → en. */
  #t(key, ...args) {
    for (const table of [this.#strings ?? {}, ...chain(this.#lang())]) {
      const text = table[key];
      if (text != null) return typeof text == "function" ? text(...args) : text;
    }
    // A user attribute without a label in any table is labelled with its name.
    return key.replace(/^label_/, "");
  }

  #lang() {
    return (this.closest("[lang]") ?? document.documentElement).lang || "en";
  }

  #number(n, unit) {
    try {
      return new Intl.NumberFormat(this.#lang(), unit && { style: "unit", unit, unitDisplay: "long" }).format(n);
    } catch {
      return new Intl.NumberFormat("en", unit && { style: "unit", unit, unitDisplay: "long" }).format(n);
    }
  }

  /** Sets `node`'s text to the text `key` (args: values or functions of nothing, read at each paint); null clears it. */
  #say(node, key, ...args) {
    if (key == null) {
      this.#texts.delete(node);
      node.textContent = "";
    } else {
      this.#texts.set(node, [key, ...args]);
      node.textContent = this.#t(key, ...args.map((a) => (typeof a == "function" ? a() : a)));
    }
    return node;
  }

  #paint() {
    if (this.#painting) return;
    this.#painting = 1;
    for (const [node, args] of this.#texts) {
      if (this.contains(node)) this.#say(node, ...args);
      else this.#texts.delete(node);
    }
    this.#painting = 0;
  }

  #attrs() {
    return (this.userAttributes ?? "email").split(/\s+/).filter(Boolean);
  }

  /** A field: label, input, hint and error slot. */
  #field(name, hint, ...hintArgs) {
    const [type = "text", autocomplete] = INPUTS[name] ?? [];
    const input = el("input", { name, type, required: true });
    const label = this.#say(el("label"), `label_${name}`);
    const field = el("div", { className: "cognito-field" }, label, input);
    if (hint) field.append(this.#say(el("p", { className: "cognito-hint" }), hint, ...hintArgs));
    if (autocomplete) input.autocomplete = autocomplete;
    return field;
  }

  #build() {
    // The page's own forms, else the element's; a rebuild (user-attributes changed) replaces only the element's.
    const forms = this.#forms;
    if (!forms.done) {
      for (const form of this.querySelectorAll("form")) {
        const step = form.elements.code ? "confirm" : "sign-up";
        if (!forms[step]) this.#pageForms.add((forms[step] = form));
      }
    }
    if (!this.#pageForms.has(forms["sign-up"])) {
      const values = forms["sign-up"] && new FormData(forms["sign-up"]);
      const form = el(
        "form",
        {},
        this.#say(el("h2"), "signUpHeading"),
        this.#field("username"),
        ...this.#attrs().map((a) => this.#field(a, a == "phone_number" && "phoneHint")),
        this.#field("password", "passwordHint"),
        this.#say(el("button"), "signUpButton"),
        this.#say(el("button", { type: "button", className: "cognito-link" }), "haveCodeLink"),
      );
      form.lastChild.dataset.action = "have-code";
      if (values) for (const [k, v] of values) if (form.elements[k]) form.elements[k].value = v;
      forms["sign-up"]?.replaceWith(form);
      forms["sign-up"] = form;
    }
    if (!forms.confirm) {
      forms.confirm = el(
        "form",
        {},
        this.#say(el("h2"), "confirmHeading"),
        el("p", { className: "cognito-intro" }),
        this.#field("username"),
        this.#field("code", "codeHint", () => this.#number(this.codeLength)),
        this.#say(el("button"), "confirmButton"),
      );
    }
    if (!forms.done) {
      forms.done = el("section", {}, this.#say(el("h2"), "doneHeading"), el("p", { className: "cognito-intro" }));
      this.#status = el("p", { role: "status", className: "cognito-status" });
    }
    for (const step of STEPS) {
      const form = forms[step];
      form.dataset.cognitoStep = step;
      form.noValidate = true;
      if (!form.isConnected || !this.contains(form)) this.append(form);
      this.#upgrade(form, step);
    }
    this.append(this.#status);
  }

  /** What every step needs, on the page's markup as on the element's: ids, autocomplete, a focusable heading, error slots, an alert. */
  #upgrade(form, step) {
    const heading = form.querySelector("h1,h2,h3,h4,h5,h6");
    if (heading) heading.tabIndex = -1;
    if (step == "done") return;
    if (!form.querySelector(".cognito-alert")) {
      const alert = el("p", { role: "alert", className: "cognito-alert", id: `cognito-${++ids}` });
      heading ? heading.after(alert) : form.prepend(alert);
    }
    for (const input of form.querySelectorAll("input[name]")) {
      const [type, autocomplete] = INPUTS[input.name] ?? [];
      if (!input.id) input.id = `cognito-${++ids}`;
      const label = form.querySelector(`label[for="${input.id}"]`) ?? input.parentElement.querySelector("label");
      if (label && !label.htmlFor && !label.contains(input)) label.htmlFor = input.id;
      if (autocomplete && !input.getAttribute("autocomplete")) input.autocomplete = autocomplete;
      if (type && input.type == "text" && type != "text") input.type = type;
      if (input.name == "username" || input.name == "code") {
        input.autocapitalize = "none";
        input.spellcheck = false;
      }
      if (input.name == "code") {
        input.type = "text";
        input.inputMode = "numeric";
        input.autocomplete = "one-time-code";
      }
      const hint = input.parentElement.querySelector(".cognito-hint");
      if (hint) {
        hint.id ||= `${input.id}-hint`;
        this.#describe(input, hint.id, true);
      }
      if (!document.getElementById(`${input.id}-error`)) {
        (hint ?? input).after(el("p", { className: "cognito-error", id: `${input.id}-error` }));
      }
    }
    if (step == "confirm" && !form.querySelector("[data-action=resend]")) {
      const resend = this.#say(el("button", { type: "button", className: "cognito-secondary" }), "resendButton");
      resend.dataset.action = "resend";
      const back = this.#say(el("button", { type: "button", className: "cognito-link" }), "signUpLink");
      back.dataset.action = "sign-up";
      form.append(el("div", { className: "cognito-resend" }, resend, el("p", { className: "cognito-cooldown" })), back);
    }
  }

  #describe(input, id, on) {
    const ids = (input.getAttribute("aria-describedby") ?? "").split(" ").filter((x) => x && x != id);
    if (on) ids.push(id);
    if (ids.length) input.setAttribute("aria-describedby", ids.join(" "));
    else input.removeAttribute("aria-describedby");
  }

  // --- Steps -------------------------------------------------------------------------------------

  /** Shows `step`; `user` when the user's action got there (focus moves, the attribute follows). */
  #show(step, user) {
    if (!STEPS.includes(step)) step = "sign-up";
    const was = this.dataset.step;
    this.dataset.step = step;
    this.dataset.state ??= "idle";
    if (user && this.step != step) this.setAttribute("step", step);
    for (const s of STEPS) this.#forms[s].hidden = s != step;
    if (was != step) this.#otpStop();
    const form = this.#forms[step];
    if (step == "confirm") {
      const known = this.username;
      const name = form.elements.username;
      if (name) {
        if (known && !name.value) name.value = known;
        name.closest(".cognito-field")?.toggleAttribute("hidden", !!known);
      }
      if (!user) this.#intro();
      if (this.#delivery?.deliveryMedium == "SMS") this.#otpStart();
      this.#cooldownTick();
    }
    if (user) (form.querySelector("[tabindex='-1']") ?? form.querySelector("input:not([hidden])"))?.focus();
  }

  /** The confirm step's intro when no code was sent just now: for the known username, or asking for it. */
  #intro() {
    const known = this.username;
    const intro = this.#forms.confirm.querySelector(".cognito-intro");
    if (intro) this.#say(intro, known ? "confirmIntroFor" : "confirmIntro", known);
  }

  #fire(name, detail) {
    this.dispatchEvent(new CustomEvent(name, { bubbles: true, composed: true, detail }));
  }

  #cfg() {
    const c = {};
    for (const [attr, prop] of [
      ["user-pool-id", "userPoolId"],
      ["client-id", "clientId"],
      ["region", "region"],
      ["endpoint", "endpoint"],
    ]) {
      if (this.hasAttribute(attr)) c[prop] = this.getAttribute(attr);
    }
    const url = this.secretHashUrl;
    if (url) {
      c.secretHash = async (username) => {
        const res = await fetch(url, {
          method: "POST",
          headers: { "Content-Type": "application/json" },
          body: JSON.stringify({ username }),
        });
        if (!res.ok) throw new Error(`the SecretHash endpoint answered ${res.status}`);
        return (await res.json()).secretHash;
      };
    }
    return { ...c, ...this.#config };
  }

  // --- Errors ------------------------------------------------------------------------------------

  #clear(form) {
    this.dataset.state = "idle";
    this.#say(form.querySelector(".cognito-alert"), null);
    for (const input of form.querySelectorAll("input[name]")) {
      input.removeAttribute("aria-invalid");
      this.#describe(input, `${input.id}-error`, false);
      const slot = document.getElementById(`${input.id}-error`);
      if (slot) this.#say(slot, null);
    }
  }

  /** Shows [fieldName | null, key, ...args] errors at their fields (or the form's alert) and focuses the first. */
  #errors(form, list) {
    this.dataset.state = "error";
    let first;
    for (const [name, ...text] of list) {
      const input = name && form.elements[name];
      if (input && !input.closest("[hidden]")) {
        input.setAttribute("aria-invalid", "true");
        this.#say(document.getElementById(`${input.id}-error`), ...text);
        this.#describe(input, `${input.id}-error`, true);
        first ??= input;
      } else {
        const alert = form.querySelector(".cognito-alert");
        alert.tabIndex = -1;
        this.#say(alert, ...text);
        first ??= alert;
      }
    }
    first?.focus();
  }

  /** [field, key, ...args] for a rejected call. */
  #explain(error) {
    const { name, field = "" } = error;
    if (name == "ValidationError") {
      if (field == "username") return ["username", "invalidUsername"];
      if (field == "password") return ["password", "invalidPassword"];
      if (field == "confirmationCode") return ["code", "invalidCode"];
      const attr = field.split(".")[1];
      if (field.startsWith("userAttributes.")) return [attr, "invalidAttribute", this.#t(`label_${attr}`)];
      return [null, "Unexpected"];
    }
    const key = KEYS[name] ?? (en[name] ? name : "Unexpected");
    const at = FIELDS[name];
    return [at == 1 ? this.#attrs()[0] : at, key];
  }

  /** Runs `call` with `form` busy (a second submit is ignored); resolves to [result] or [, error]. */
  async #busy(form, key, call) {
    const buttons = form.querySelectorAll("button");
    for (const b of buttons) b.setAttribute("aria-disabled", "true");
    form.setAttribute("aria-busy", "true");
    this.dataset.state = "busy";
    this.#say(this.#status, key);
    try {
      return [await call(this.#cfg())];
    } catch (error) {
      return [, error];
    } finally {
      form.removeAttribute("aria-busy");
      for (const b of buttons) if (b.dataset.action != "resend" || !this.#until) b.removeAttribute("aria-disabled");
      if (this.dataset.state == "busy") this.dataset.state = "idle";
      if (this.#texts.get(this.#status)?.[0] == key) this.#say(this.#status, null);
    }
  }

  #failed(form, error, step) {
    this.#fire("cognito-error", { error, step });
    this.#errors(form, [this.#explain(error)]);
  }

  // --- The flow ----------------------------------------------------------------------------------

  #on = (event) => {
    const form = event.target.closest?.("form") ?? event.target;
    const step = form.dataset?.cognitoStep;
    if (!step) return;
    if (event.type == "input" && event.target.name == "code") {
      const code = event.target.value.replace(/[\s-]/g, "");
      if (code != event.target.value) event.target.value = code;
      return;
    }
    if (event.type == "click") {
      const action = event.target.closest("[data-action]")?.dataset.action;
      if (action == "resend") this.#resend(form);
      else if (action == "have-code") {
        this.username = form.elements.username?.value.trim() || null;
        this.#delivery = null;
        this.#intro();
        this.#show("confirm", true);
      } else if (action == "sign-up") this.#show("sign-up", true);
      return;
    }
    if (event.type != "submit") return;
    event.preventDefault();
    if (form.getAttribute("aria-busy")) return;
    if (step == "sign-up") this.#signUp(form);
    if (step == "confirm") this.#confirm(form);
  };

  constructor() {
    super();
    for (const type of ["submit", "click", "input"]) this.addEventListener(type, this.#on);
  }

  /** The values of `form`'s named inputs, trimmed (never the password), and the checks done before sending. */
  #read(form, names) {
    const values = {};
    const missing = [];
    for (const name of names) {
      const input = form.elements[name];
      if (!input || input.closest("[hidden]")) continue;
      const value = (values[name] = name == "password" ? input.value : input.value.trim());
      if (!value) missing.push([name, ...(name == "code" ? ["requiredCode"] : ["required", this.#t(`label_${name}`)])]);
      else if (input.type == "email" && input.validity.typeMismatch) missing.push([name, "emailFormat"]);
      else if (input.type == "tel" && !/^\+\d{4,15}$/.test(value)) missing.push([name, "phoneFormat"]);
      else if (name == "code" && !new RegExp(`^\\d{${this.codeLength}}$`).test(value)) {
        missing.push([name, "codeFormat", this.#number(this.codeLength)]);
      }
    }
    if (missing.length) this.#errors(form, missing);
    return !missing.length && values;
  }

  async #signUp(form) {
    this.#clear(form);
    const attrs = this.#attrs();
    const v = this.#read(form, ["username", ...attrs, "password"]);
    if (!v) return;
    const userAttributes = {};
    for (const a of attrs) if (v[a] != null) userAttributes[a] = v[a];
    const { username, password } = v;
    const [result, error] = await this.#busy(form, "signingUp", (config) => signUp({ username, password, userAttributes }, config));
    if (error) {
      if (error.name == "UsernameExistsException" && error.earlierAttemptMayHaveSucceeded) {
        // A lost answer may have created this very user: the code step, with a fresh code.
        this.username = username;
        this.#toConfirm(null, "maybeCreated");
        return this.#resend(this.#forms.confirm, true);
      }
      return this.#failed(form, error, "sign-up");
    }
    form.elements.password.value = "";
    const { session, ...signedUp } = result;
    this.#session = session;
    this.username = username;
    this.#fire("cognito-signed-up", signedUp);
    const next = result.nextStep;
    if (next.signUpStep == "CONFIRM_SIGN_UP") {
      this.#toConfirm(next.codeDeliveryDetails);
      this.#cooldown(this.resendCooldown);
    } else this.#signIn(next.signUpStep == "COMPLETE_AUTO_SIGN_IN" && session, username, form);
  }

  #toConfirm(delivery, intro) {
    this.#delivery = delivery;
    const form = this.#forms.confirm;
    const d = delivery?.destination;
    this.#say(
      form.querySelector(".cognito-intro") ?? el("p"),
      intro ?? (d ? (delivery.deliveryMedium == "SMS" ? "codeSentSms" : "codeSentTo") : "codeSent"),
      d,
    );
    this.#clear(form);
    if (form.elements.code) form.elements.code.value = "";
    this.#show("confirm", true);
    if (delivery) this.#fire("cognito-code-sent", delivery);
  }

  async #confirm(form) {
    this.#otpStop();
    this.#clear(form);
    const v = this.#read(form, ["username", "code"]);
    if (!v) return;
    const username = v.username ?? this.username;
    const session = this.#session;
    const [result, error] = await this.#busy(form, "confirming", (config) =>
      confirmSignUp({ username, confirmationCode: v.code, ...(session && { session }) }, config),
    );
    if (error) return this.#failed(form, error, "confirm");
    this.#session = undefined;
    const { session: next, ...confirmed } = result;
    this.#fire("cognito-confirmed", { ...confirmed, username });
    form.elements.code.value = "";
    this.#signIn(next, username, form);
  }

  /** Signs the user in with `session` (unless no-auto-sign-in), then shows done. */
  async #signIn(session, username, form) {
    let key = "signInNow";
    if (session && !this.noAutoSignIn) {
      const [result, error] = await this.#busy(form, "signingIn", (config) => autoSignIn({ username, session }, config));
      if (error) {
        this.#fire("cognito-error", { error, step: "done" });
        if (KEYS[error.name] == "AutoSignInUnavailable") key = "AutoSignInUnavailable";
      } else if (result.isSignedIn) {
        key = "signedIn";
        this.#fire("cognito-signed-in", { tokens: result.tokens });
      } else key = "signInChallenge";
    }
    this.#say(this.#forms.done.querySelector(".cognito-intro") ?? el("p"), key, username);
    this.#otpStop();
    clearInterval(this.#timer);
    this.#until = 0;
    this.#show("done", true);
  }

  async #resend(form, quiet) {
    const button = form.querySelector("[data-action=resend]");
    if (button?.getAttribute("aria-disabled") || form.getAttribute("aria-busy")) return;
    this.#otpStop();
    if (!quiet) this.#clear(form);
    const v = this.#read(form, ["username"]);
    if (!v) return;
    const username = v.username ?? this.username;
    const [delivery, error] = await this.#busy(form, "sending", (config) => resendSignUpCode({ username }, config));
    if (error) {
      if (error.name == "LimitExceededException") this.#cooldown(this.resendCooldown * 5);
      return this.#failed(form, error, "confirm");
    }
    this.#delivery = delivery;
    this.#say(this.#status, delivery.destination ? "newCodeSentTo" : "newCodeSent", delivery.destination);
    this.#fire("cognito-code-sent", delivery);
    this.#cooldown(this.resendCooldown);
    if (delivery.deliveryMedium == "SMS") this.#otpStart();
  }

  // --- Resend cooldown ---------------------------------------------------------------------------

  #cooldown(seconds) {
    this.#until = Date.now() + seconds * 1000;
    clearInterval(this.#timer);
    this.#timer = setInterval(() => this.#cooldownTick(), 1000);
    this.#cooldownTick();
  }

  #cooldownTick() {
    const form = this.#forms.confirm;
    const button = form.querySelector("[data-action=resend]");
    const note = form.querySelector(".cognito-cooldown");
    const left = Math.ceil((this.#until - Date.now()) / 1000);
    if (left > 0) {
      button?.setAttribute("aria-disabled", "true");
      if (note) this.#say(note, "resendIn", () => this.#number(Math.max(0, Math.ceil((this.#until - Date.now()) / 1000)), "second"));
      return;
    }
    const was = this.#until;
    clearInterval(this.#timer);
    this.#until = 0;
    if (!form.getAttribute("aria-busy")) button?.removeAttribute("aria-disabled");
    if (note) this.#say(note, null);
    if (was) this.#say(this.#status, "resendAvailable");
  }

  // --- WebOTP ------------------------------------------------------------------------------------

  #otpStart() {
    this.#otpStop();
    if (!globalThis.OTPCredential || !navigator.credentials?.get) return;
    const otp = (this.#otp = new AbortController());
    navigator.credentials
      .get({ otp: { transport: ["sms"] }, signal: otp.signal })
      .then((credential) => {
        const form = this.#forms.confirm;
        if (otp.signal.aborted || !credential?.code || this.dataset.step != "confirm") return;
        this.#otp = null;
        form.elements.code.value = credential.code.replace(/[\s-]/g, "");
        form.requestSubmit();
      })
      .catch(() => {});
  }

  #otpStop() {
    this.#otp?.abort();
    this.#otp = null;
  }
}

// The attributes' properties: strings, numbers (with defaults), a boolean.
for (const [attr, prop] of Object.entries(PROPS)) {
  Object.defineProperty(CognitoSignUpElement.prototype, prop, {
    configurable: true,
    get() {
      const v = this.getAttribute(attr);
      if (attr == "no-auto-sign-in") return v != null;
      if (attr in NUMBERS) return v?.trim() && +v > 0 ? +v : NUMBERS[attr];
      return attr == "step" ? (STEPS.includes(v) ? v : "sign-up") : v;
    },
    set(v) {
      if (v == null || v === false) this.removeAttribute(attr);
      else this.setAttribute(attr, v === true ? "" : v);
    },
  });
}
