// <cognito-sign-up>: the sign-up and confirmation form, on the package's own
// calls (signUp → confirmSignUp with the session → autoSignIn → done).
//
// Light DOM only: the forms and inputs are the page's own elements, so
// password managers, autofill, labels and Enter-to-submit work as on any form.
// A <form> the page wrote inside the element is upgraded instead of rendered:
// the one with a field named `code` is the confirm step, another one the
// sign-up step; what the page left out is rendered. Nothing is written with
// innerHTML and no style attribute is set (strict CSP and Trusted Types); the
// stylesheet is adopted once by the document or the shadow root the element
// is in (./css.js, made from element.css by js/package.mjs, with "%" for the tag).
//
// Three steps, one shown at a time (`data-step` on the element): `sign-up`,
// `confirm`, `done`. A step the page sets (`step` attribute or property) is
// shown without events and without moving focus; a step the user reaches
// moves focus to its heading and fires the events. `data-state` is `idle`,
// `busy` or `error`. Every text is a key of strings.js, kept per node so that
// a language registered later, a `lang` change or `strings` repaints it.
//
// This file is held to a byte budget (scripts/size.sh): tables and regular
// expressions over error names where a switch would repeat itself.

import { autoSignIn, confirmSignUp, ready, resendSignUpCode, signUp } from "../index.js";
import css from "./css.js";
import { chain, en, onRegister } from "./strings.js";

const STEPS = ["sign-up", "confirm", "done"];
// The attributes, each also a property (camel-cased): strings, two numbers, a boolean.
const ATTRS = "user-pool-id client-id region endpoint secret-hash-url step username user-attributes code-length resend-cooldown no-auto-sign-in".split(" ");
const NUMBERS = { "code-length": 6, "resend-cooldown": 60 };
// A field's input type and autocomplete value, by its name; NAMED: autocomplete is the name (given_name → given-name).
// (The code field's are #upgrade's, for the page's code field too.)
const TYPES = { email: "email", phone_number: "tel", password: "password" };
const AUTOCOMPLETE = { phone_number: "tel", password: "new-password" };
const NAMED = /^(username|email|name|given_name|family_name)$/;
// An error's text key, when it is not the error's name (strings.js groups them), and the field it is about
// (1: the first user attribute asked for). By `name` only, never by Cognito's English text.
// GROUPS is matched against the name and the step ("NotAuthorizedExceptionsign-up"; a prefix where
// no other name has it): NotAuthorized at sign-up is the app client's set-up (sign-up not allowed,
// a wrong secret), which the user cannot fix.
const GROUPS = [
  [/^TooMany|^LimitExc/, "TooManyAttempts"],
  [/Lambda/, "LambdaRefused"],
  [/^(Network|Timeout)E/, "Offline"],
  [/^NotA.*-/, "Unexpected"],
];
const AT = [
  [/^User(nameExists|NotFound)/, "username"],
  [/^InvalidPassword/, "password"],
  [/^(CodeMismatch|ExpiredCode)/, "code"],
  [/^(AliasExists|CodeDelivery)/, 1],
];
// ValidationError's `field` → [the field, the text key].
const INVALID = { username: ["username", "invalidUsername"], password: ["password", "invalidPassword"], confirmationCode: ["code", "invalidCode"] };
const match = (table, name) => table.find(([re]) => re.test(name))?.[1];
const BUSY = "aria-disabled";

let sheet;
let warmed;
let ids = 0;

const el = (tag, props, ...children) => {
  const e = Object.assign(document.createElement(tag), props);
  e.append(...children);
  return e;
};
const button = (action) => {
  const b = el("button", { type: "button" });
  b.dataset.action = action;
  return b;
};
const $ = (root, css) => root.querySelector(css);
const p = (className) => el("p", { className });
// A phone number or code as typed: NFKC makes full-width digits and plus (a Japanese IME) ASCII;
// spaces, hyphens, dots and parentheses ("+49 170 1234567", "(206) 555-0100", "123 456") go.
const digits = (s) => s.normalize("NFKC").replace(/[\s().-]/g, "");

// Outside a browser (server-side rendering) the module imports, and define() does nothing.
export class CognitoSignUpElement extends (globalThis.HTMLElement ?? Object) {
  static observedAttributes = [...ATTRS, "lang"];

  /** Defines the element as `tag`, unless that tag is defined already (or there is no custom element registry); returns the class. */
  static define(tag = "cognito-sign-up") {
    const registry = globalThis.customElements;
    registry?.get(tag) || registry?.define(tag, this);
    return this;
  }

  #strings;
  #texts = new Map(); // node → [key, ...args]: what #paint() writes
  #slots = new Map(); // input → its error slot
  #forms = {}; // step → its form (or section)
  /** A whole CognitoConfig (a `secretHash` function included); its members win over the attributes. */
  // A class field, so that React 19 sees it (`"config" in element`) and sets it as a property, not
  // an attribute; it keeps the value a script set before the element was defined.
  config = this.config;
  #status; // the one polite live region
  #session;
  #delivery;
  #otp;
  #timer;
  #until = 0;
  #stop;

  constructor() {
    super();
    for (const type of ["submit", "click", "input"]) this.addEventListener(type, this.#on);
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
    // One sheet, for the tag the element was defined under (css.js has "%" for it), adopted by the
    // document or the shadow root the element is in, once per root. Without constructable,
    // adoptable sheets (Chrome 96–98, Firefox 91–100, Safari 15–16.3) the forms work unstyled.
    try {
      if (!sheet) (sheet = new CSSStyleSheet()).replaceSync(css.replace("%", this.localName));
      const sheets = this.getRootNode().adoptedStyleSheets;
      sheets.includes(sheet) || sheets.push(sheet);
    } catch {}
    this.#stop = onRegister(() => this.#paint());
    this.#forms.done || this.#build();
    this.#show(this.step);
    // The .wasm loads once the page is idle: rendering never waits for it.
    // (Either returns a handle above 0: warmed until ready() fails.)
    // eslint-disable-next-line compat/compat -- where there is none (Safari), setTimeout
    warmed ||= (globalThis.requestIdleCallback ?? setTimeout)(() => ready().catch(() => (warmed = 0)));
  }

  disconnectedCallback() {
    this.#stop?.();
    this.#otpStop();
    // The cooldown's deadline stays: showing the confirm step again resumes it.
    clearTimeout(this.#timer);
  }

  attributeChangedCallback(name, old, value) {
    if (!this.#forms.done || old == value) return;
    // The username is also the confirm step's field and intro: the step is shown again.
    name == "username" || (name == "step" && this.step != this.dataset.step) ? this.#show(this.step) : this.#paint();
  }

  // --- Texts -------------------------------------------------------------------------------------

  /** The text `key` in the element's language: its `strings`, then de-AT → de → en; a label defaults to the attribute's name. */
  #t(key, ...args) {
    for (const table of [this.#strings ?? {}, ...chain(this.#lang())]) {
      const text = table[key];
      if (text != null) return typeof text == "function" ? text(...args) : text;
    }
    return key.replace("label_", "");
  }

  /** `lang` here, on the closest ancestor (through shadow roots' hosts) or <html>; English when it is no valid tag. */
  #lang() {
    let n = this;
    let lang;
    // closest() stops at a shadow root: go on from its host.
    while (n && !(lang = n.closest("[lang]")?.lang)) n = n.getRootNode().host;
    try {
      return Intl.getCanonicalLocales(lang || "en")[0];
    } catch {
      return "en";
    }
  }

  #number(n, unit) {
    return new Intl.NumberFormat(this.#lang(), unit && { style: "unit", unit, unitDisplay: "long" }).format(n);
  }

  /** Writes the text `key` into `node` (an arg may be a function, called at each paint); no key clears it. */
  #say(node, key, ...args) {
    key ? this.#texts.set(node, [key, ...args]) : this.#texts.delete(node);
    node.textContent = key ? this.#t(key, ...args.map((a) => (a?.call ? a() : a))) : "";
    return node;
  }

  #paint() {
    for (const [node, args] of this.#texts) this.contains(node) ? this.#say(node, ...args) : this.#texts.delete(node);
  }

  // --- Rendering ---------------------------------------------------------------------------------

  #attrs() {
    return (this.userAttributes ?? "email").split(/\s+/).filter(Boolean);
  }

  /** A field: its label and input. */
  #field(name) {
    const id = `cognito-${++ids}`;
    const input = el("input", { name, id, type: TYPES[name] ?? "text", required: true });
    const auto = AUTOCOMPLETE[name] ?? (NAMED.test(name) && name.replace("_", "-"));
    if (auto) input.autocomplete = auto;
    if (name == "username") input.autocapitalize = "none";
    return el("div", { className: "cognito-field" }, this.#say(el("label", { htmlFor: id }), "label_" + name), input);
  }

  #build() {
    const forms = this.#forms;
    // The page's own forms first (once); then the element's for the steps left.
    for (const form of this.querySelectorAll("form")) forms[form.elements.code ? "confirm" : "sign-up"] ??= form;
    forms["sign-up"] ??= el(
      "form",
      {},
      this.#say(el("h2"), "signUpHeading"),
      this.#field("username"),
      ...this.#attrs().map((a) => this.#field(a)),
      this.#field("password"),
      this.#say(el("button"), "signUpButton"),
      this.#say(button("have-code"), "haveCodeLink"),
    );
    forms.confirm ??= el(
      "form",
      {},
      this.#say(el("h2"), "confirmHeading"),
      p("cognito-intro"),
      this.#field("username"),
      this.#field("code"),
      this.#say(el("button"), "confirmButton"),
    );
    forms.done ??= el("section", {}, this.#say(el("h2"), "doneHeading"), p("cognito-intro"));
    this.#status = el("p", { role: "status" });
    for (const step of STEPS) {
      const form = forms[step];
      form.dataset.cognitoStep = step;
      form.noValidate = true;
      this.contains(form) || this.append(form);
      this.#upgrade(form, step);
    }
    this.append(this.#status);
  }

  /**
   * What a step needs, on the page's markup as on the element's: a focusable heading, an alert,
   * an id and an error slot per field, the code field's attributes, the resend button. The page's
   * own fields keep their labels, types and autocomplete as written.
   */
  #upgrade(form, step) {
    const heading = $(form, "h1,h2,h3,h4,h5,h6");
    if (heading) heading.tabIndex = -1;
    if (step == "done") return;
    if (!$(form, ".cognito-alert")) {
      const alert = el("p", { role: "alert", className: "cognito-alert", tabIndex: -1 });
      heading ? heading.after(alert) : form.prepend(alert);
    }
    for (const input of form.querySelectorAll("input[name]")) {
      input.id ||= `cognito-${++ids}`;
      // One code field, whoever wrote it: text, a numeric keyboard, one-time-code autofill.
      if (input.name == "code") Object.assign(input, { type: "text", inputMode: "numeric", autocomplete: "one-time-code", spellcheck: false });
      // Described by its error slot too (empty until there is an error: nothing is read), right after it.
      // Kept by reference: document.getElementById does not see into a shadow root.
      const slot = el("p", { className: "cognito-error", id: input.id + "-error" });
      this.#slots.set(input, slot);
      input.after(slot);
      input.setAttribute("aria-describedby", `${input.getAttribute("aria-describedby") ?? ""} ${slot.id}`.trim());
    }
    if (step == "confirm" && !$(form, "[data-action=resend]")) {
      form.append(el("div", {}, this.#say(button("resend"), "resendButton"), p("cognito-cooldown")));
    }
  }

  // --- Steps -------------------------------------------------------------------------------------

  /** Shows `step` (one of STEPS); `user` when the user's action got there: focus moves to it, the attribute follows. */
  #show(step, user) {
    const was = this.dataset.step;
    const form = this.#forms[step];
    this.dataset.step = step;
    this.dataset.state ??= "idle";
    user && this.setAttribute("step", step);
    for (const s of STEPS) this.#forms[s].hidden = s != step;
    was != step && this.#otpStop();
    if (step == "confirm") {
      const known = this.username;
      const name = form.elements.username;
      if (known && name) name.value = known;
      name?.closest(".cognito-field")?.toggleAttribute("hidden", !!known);
      user || this.#intro();
      this.#delivery?.deliveryMedium == "SMS" && this.#otpStart();
      this.#tick();
    }
    // Its heading, else its alert (#upgrade gives every form one): both have tabindex -1.
    user && $(form, "[tabindex='-1']").focus();
  }

  /** The confirm step's intro when no code was sent just now: for the known username, or asking for it. */
  #intro(key = this.username ? "confirmIntroFor" : "confirmIntro", arg = this.username) {
    this.#say($(this.#forms.confirm, ".cognito-intro") ?? el("p"), key, arg);
  }

  #fire(name, detail) {
    this.dispatchEvent(new CustomEvent(name, { detail, bubbles: true, composed: true }));
  }

  /** The CognitoConfig: the attributes (secret-hash-url: POST {"username"} → {"secretHash"}), then `config` over them. */
  #config() {
    const c = {};
    for (const k of ["userPoolId", "clientId", "region", "endpoint"]) if (this[k]) c[k] = this[k];
    const url = this.secretHashUrl;
    if (url) {
      c.secretHash = async (username) => {
        const res = await fetch(url, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ username }) });
        if (!res.ok) throw Error("HTTP " + res.status);
        return (await res.json()).secretHash;
      };
    }
    return { ...c, ...this.config };
  }

  // --- Errors ------------------------------------------------------------------------------------

  /** Clears `form`'s errors; with `list` ([field | null, key, ...args]), shows them at their fields (or in the alert) and focuses the first. */
  #errors(form, list = []) {
    this.dataset.state = list[0] ? "error" : "idle";
    const alert = $(form, ".cognito-alert");
    this.#say(alert);
    for (const input of form.querySelectorAll("input[name]")) {
      input.removeAttribute("aria-invalid");
      this.#say(this.#slots.get(input)).removeAttribute("role");
    }
    let first;
    for (const [name, ...text] of list) {
      const input = name && form.elements[name];
      // The known username, not asked in the confirm step, is wrong after all: forget it, and the step asks for it.
      input?.closest(".cognito-field[hidden]") && (this.username = this.#delivery = null);
      if (input && !input.closest("[hidden]")) {
        input.setAttribute("aria-invalid", true);
        const slot = this.#say(this.#slots.get(input), ...text);
        // Focus on the field already: moving it there says nothing, the slot as an alert does.
        first || (input.matches(":focus") && slot.setAttribute("role", "alert"));
        first ??= input;
      } else {
        this.#say(alert, ...text);
        first ??= alert;
      }
    }
    first?.focus();
  }

  /** A rejected call: the event, and the sentence at its field. */
  #failed(form, error, step) {
    this.#fire("cognito-error", { error, step });
    // The step changed while the call ran (the page set `step`): its form is hidden, nobody would read it.
    if (form.hidden) return;
    const { name, field = "" } = error;
    const attr = /^userAttributes\.(.+)/.exec(field)?.[1];
    const at = match(AT, name);
    this.#errors(form, [
      name != "ValidationError"
        ? [at == 1 ? this.#attrs()[0] : at, match(GROUPS, name + step) ?? (en[name] ? name : "Unexpected")]
        : (INVALID[field] ?? (attr ? [attr, "invalidAttribute", () => this.#t("label_" + attr)] : [null, "Unexpected"])),
    ]);
  }

  /** Runs `call(config)` with `form` busy (its buttons aria-disabled: a second press is ignored); resolves to [result] or [, error]. */
  async #busy(form, key, call) {
    const buttons = form.querySelectorAll("button");
    for (const b of buttons) b.setAttribute(BUSY, true);
    form.setAttribute("aria-busy", true);
    this.dataset.state = "busy";
    this.#say(this.#status, key);
    try {
      return [await call(this.#config())];
    } catch (error) {
      return [null, error];
    } finally {
      form.removeAttribute("aria-busy");
      for (const b of buttons) b.removeAttribute(BUSY);
      this.dataset.state = "idle";
      this.#say(this.#status);
      // (A resend button cooling down is aria-disabled again.)
      this.#tick();
    }
  }

  // --- The flow ----------------------------------------------------------------------------------

  #on = (event) => {
    const { target, type } = event;
    const form = target.form ?? target.closest?.("form");
    const step = form?.dataset.cognitoStep;
    // A button of a busy form (or a resend button cooling down) does nothing.
    const action = target.closest("[data-action]:not([aria-disabled])")?.dataset.action;
    if (!step) return;
    // Spaces and hyphens from a paste or autofill ("123 456", "123-456") go at once.
    if (type == "input" && target.name == "code") {
      const code = target.value.replace(/[\s-]/g, "");
      code != target.value && (target.value = code);
    }
    if (type == "click" && action) {
      // A page's own action button may be a submit button: it only does its action.
      event.preventDefault();
      if (action == "resend") this.#resend(form);
      if (action == "have-code") {
        this.username = form.elements.username?.value.trim() || null;
        this.#delivery = null;
        this.#intro();
        this.#show("confirm", 1);
      }
    }
    if (type == "submit") {
      event.preventDefault();
      form.getAttribute("aria-busy") || (step == "confirm" ? this.#confirm(form) : this.#signUp(form));
    }
  };

  /** The values of `form`'s visible fields `names` (trimmed, but the password), after the checks made before sending; false after showing what is wrong. */
  #read(form, names) {
    const values = {};
    const wrong = [];
    for (const name of names) {
      const input = form.elements[name];
      if (!input || input.closest("[hidden]")) continue;
      const raw = input.value;
      const value = (values[name] = name == "password" ? raw : input.type == "tel" || name == "code" ? digits(raw) : raw.trim());
      // (A label as a function: a language registered later repaints it too.)
      const problem = !value
        ? ["required", () => this.#t("label_" + name)]
        : input.validity.typeMismatch
          ? ["emailFormat"]
          : input.type == "tel" && !/^\+\d{4,15}$/.test(value)
            ? ["phoneFormat"]
            : name == "code" && !RegExp(`^\\d{${this.codeLength}}$`).test(value) && ["codeFormat", this.#number(this.codeLength)];
      problem && wrong.push([name, ...problem]);
    }
    this.#errors(form, wrong);
    return !wrong[0] && values;
  }

  async #signUp(form) {
    const attrs = this.#attrs();
    const v = this.#read(form, ["username", ...attrs, "password"]);
    if (!v) return;
    const { username, password } = v;
    const userAttributes = {};
    for (const a of attrs) if (a in v) userAttributes[a] = v[a];
    let [result, error] = await this.#busy(form, "signingUp", (config) => signUp({ username, password, userAttributes }, config));
    // A lost answer may have created this very user: a sign-up as any other (the password cleared,
    // the event), whose code step sends a fresh code (where the first one went is unknown).
    const lost = error?.name == "UsernameExistsException" && error.earlierAttemptMayHaveSucceeded;
    if (lost) result = { nextStep: { signUpStep: "CONFIRM_SIGN_UP" } };
    else if (error) return this.#failed(form, error, "sign-up");
    form.elements.password.value = "";
    const { session, ...signedUp } = result;
    const next = signedUp.nextStep;
    this.#session = session;
    this.username = username;
    this.#fire("cognito-signed-up", signedUp);
    if (next.signUpStep != "CONFIRM_SIGN_UP") return this.#signIn(next.signUpStep == "COMPLETE_AUTO_SIGN_IN" && session, username, form);
    this.#toConfirm(next.codeDeliveryDetails);
    // (#toConfirm hid the username field: #resend reads nothing, it sends for this.username.)
    lost ? this.#resend(this.#forms.confirm) : this.#cooldown(this.resendCooldown);
  }

  #toConfirm(delivery) {
    const form = this.#forms.confirm;
    const to = delivery?.destination;
    this.#delivery = delivery;
    to ? this.#intro("codeSentTo", to) : this.#intro();
    this.#errors(form);
    form.elements.code.value = "";
    this.#show("confirm", 1);
    delivery && this.#fire("cognito-code-sent", delivery);
  }

  async #confirm(form) {
    this.#otpStop();
    const v = this.#read(form, ["username", "code"]);
    if (!v) return;
    const username = v.username ?? this.username;
    const session = this.#session;
    const [result, error] = await this.#busy(form, "confirming", (config) =>
      confirmSignUp({ username, confirmationCode: v.code, ...(session && { session }) }, config),
    );
    if (error) return this.#failed(form, error, "confirm");
    const { session: next, ...confirmed } = result;
    this.#session = form.elements.code.value = "";
    this.#fire("cognito-confirmed", { ...confirmed, username });
    this.#signIn(next, username, form);
  }

  /** Signs the user in with `session` (unless no-auto-sign-in), then shows done. */
  async #signIn(session, username, form) {
    let key = "signInNow";
    if (session && !this.noAutoSignIn) {
      const [result, error] = await this.#busy(form, "signingIn", (config) => autoSignIn({ username, session }, config));
      // A challenge (the pool asks for more) or an error: the user signs in as usual.
      if (error) this.#fire("cognito-error", { error, step: "done" });
      else if (result.isSignedIn) {
        key = "signedIn";
        this.#fire("cognito-signed-in", { tokens: result.tokens });
      }
    }
    // (The done step is always the element's own, intro included.)
    this.#say($(this.#forms.done, ".cognito-intro"), key, username);
    this.#cooldown(0);
    this.#show("done", 1);
  }

  /** A new code (the button acts only when not aria-disabled: neither busy nor cooling down). */
  async #resend(form) {
    this.#otpStop();
    const v = this.#read(form, ["username"]);
    if (!v) return;
    const username = v.username ?? this.username;
    const [delivery, error] = await this.#busy(form, "sending", (config) => resendSignUpCode({ username }, config));
    if (error) {
      // Cognito's limit on codes: wait five times longer.
      error.name == "LimitExceededException" && this.#cooldown(this.resendCooldown * 5);
      return this.#failed(form, error, "confirm");
    }
    this.#delivery = delivery;
    this.#say(this.#status, delivery.destination ? "newCodeSentTo" : "newCodeSent", delivery.destination);
    this.#fire("cognito-code-sent", delivery);
    this.#cooldown(this.resendCooldown);
    delivery.deliveryMedium == "SMS" && this.#otpStart();
  }

  // --- Resend cooldown: shown every second, announced once when over ------------------------------

  #cooldown(seconds) {
    this.#until = seconds && Date.now() + seconds * 1000;
    this.#tick();
  }

  #left() {
    return Math.ceil((this.#until - Date.now()) / 1000);
  }

  /** Shows the cooldown, then again each second while it lasts (the deadline is kept: a removed and re-added element resumes it). */
  #tick() {
    const form = this.#forms.confirm;
    const resend = $(form, "[data-action=resend]");
    const note = $(form, ".cognito-cooldown") ?? el("p");
    clearTimeout(this.#timer);
    if (this.#left() > 0) {
      resend?.setAttribute(BUSY, true);
      this.#timer = setTimeout(() => this.#tick(), 1000);
      return this.#say(note, "resendIn", () => this.#number(this.#left(), "second"));
    }
    form.getAttribute("aria-busy") || resend?.removeAttribute(BUSY);
    this.#say(note);
    this.#until && this.#say(this.#status, "resendAvailable");
    this.#until = 0;
  }

  // --- WebOTP: the SMS code lands in the field and is submitted ----------------------------------

  #otpStart() {
    this.#otpStop();
    if (!globalThis.OTPCredential) return;
    const otp = (this.#otp = new AbortController());
    navigator.credentials
      .get({ otp: { transport: ["sms"] }, signal: otp.signal })
      .then(({ code }) => {
        const form = this.#forms.confirm;
        if (otp.signal.aborted) return;
        form.elements.code.value = digits(code);
        form.requestSubmit();
      })
      .catch(() => {});
  }

  /** (Aborting a request that has ended, or again, does nothing.) */
  #otpStop() {
    this.#otp?.abort();
  }
}

for (const attr of ATTRS) {
  Object.defineProperty(CognitoSignUpElement.prototype, attr.replace(/-(.)/g, (_, c) => c.toUpperCase()), {
    get() {
      const v = this.getAttribute(attr);
      if (attr[0] == "n") return v != null;
      if (attr in NUMBERS) return v?.trim() && +v > 0 ? +v : NUMBERS[attr];
      return attr == "step" && !STEPS.includes(v) ? "sign-up" : v;
    },
    set(v) {
      v == null || v === false ? this.removeAttribute(attr) : this.setAttribute(attr, v === true ? "" : v);
    },
  });
}
