// Spanish texts of <cognito-sign-up>. A page that wants them imports this
// module once (`import "cognito-confirm/element/locales/es"`): it registers
// the table for `es`, which `es-MX`, `es-419` and every other Spanish tag fall
// back to, and every element already on the page switches at once.
//
// Tuteo, as most Spanish sign-up forms (and the big platforms' style guides)
// address the user; a page that wants usted registers its own table over this
// one (docs/element-frameworks.md). Wording that needs no agreement with the
// user's gender.
import { register } from "../strings.js";

/** Every key of the English table, in Spanish. */
const es = {
  signUpHeading: "Crea tu cuenta",
  confirmHeading: "Confirma tu cuenta",
  doneHeading: "Tu cuenta está confirmada",

  label_username: "Nombre de usuario",
  label_password: "Contraseña",
  label_code: "Código de confirmación",
  label_email: "Correo electrónico",
  label_phone_number: "Número de teléfono con prefijo del país",

  signUpButton: "Crear cuenta",
  confirmButton: "Confirmar",
  resendButton: "Enviar un código nuevo",
  haveCodeLink: "Ya tengo un código",

  signingUp: "Creando tu cuenta…",
  confirming: "Confirmando tu cuenta…",
  sending: "Enviando un código nuevo…",
  signingIn: "Iniciando sesión…",

  codeSentTo: (destination) => `Hemos enviado un código a ${destination}.`,
  newCodeSentTo: (destination) => `Hemos enviado un código nuevo a ${destination}. Los códigos anteriores ya no sirven.`,
  newCodeSent: "Te hemos enviado un código nuevo. Los códigos anteriores ya no sirven.",
  confirmIntro: "Escribe tu nombre de usuario y el código que te hemos enviado.",
  confirmIntroFor: (username) => `Escribe el código que te hemos enviado para ${username}.`,
  resendIn: (time) => `Podrás pedir un código nuevo en ${time}.`,
  resendAvailable: "Ya puedes pedir un código nuevo.",

  signedIn: (username) => `Has iniciado sesión como ${username}.`,
  signInNow: "Inicia sesión con tu nombre de usuario y tu contraseña.",

  required: (label) => `Rellena el campo «${label}».`,
  emailFormat: "Escribe un correo electrónico como nombre@example.com.",
  phoneFormat: "Escribe el número con el prefijo del país.",
  codeFormat: (length) => `El código tiene ${length} dígitos.`,

  CodeMismatchException: "Ese código no es correcto. Revisa nuestro último mensaje.",
  ExpiredCodeException: "Ese código ha caducado o ya se ha usado. Pide uno nuevo o inicia sesión si ya confirmaste tu cuenta.",
  NotAuthorizedException: "Esta cuenta no se puede confirmar. Si ya lo hiciste, inicia sesión.",
  TooManyAttempts: "Demasiados intentos. Espera unos minutos.",
  UserNotFoundException: "No hay ninguna cuenta con ese nombre de usuario. Revísalo o regístrate.",
  UsernameExistsException: "Ese nombre de usuario ya está en uso. Elige otro o inicia sesión.",
  InvalidPasswordException: "Esa contraseña es demasiado débil. Elige una más segura.",
  LambdaRefused: "Las comprobaciones de este sitio han rechazado el registro.",
  AliasExistsException: "Ese correo electrónico o número de teléfono pertenece a otra cuenta.",
  CodeDeliveryFailureException: "No hemos podido enviar un código a esa dirección. Revísala.",
  Offline: "No hemos podido conectar con el servidor. Comprueba tu conexión y vuelve a intentarlo.",
  Unexpected: "Algo ha fallado por nuestra parte. Inténtalo de nuevo más tarde.",
  invalidUsername: "Como máximo 128 caracteres, sin espacios.",
  invalidPassword: "Como máximo 256 caracteres, sin espacios al principio ni al final.",
  invalidCode: "Escribe el código tal como lo recibiste.",
  invalidAttribute: (label) => `Revisa el campo «${label}».`,
};

register("es", es);
export default es;
