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
  label_phone_number: "Número de teléfono",
  label_name: "Nombre completo",
  label_given_name: "Nombre",
  label_family_name: "Apellido",
  label_nickname: "Apodo",
  label_preferred_username: "Nombre de usuario preferido",
  label_birthdate: "Fecha de nacimiento",

  passwordHint: "Usa una contraseña que no uses en ningún otro sitio.",
  codeHint: (length) => `El código de ${length} dígitos que aparece en tu mensaje.`,
  phoneHint: "Con el prefijo del país, por ejemplo +34612345678.",

  signUpButton: "Crear cuenta",
  confirmButton: "Confirmar",
  resendButton: "Enviar un código nuevo",
  haveCodeLink: "Ya tengo un código",
  signUpLink: "Todavía no tengo cuenta",

  signingUp: "Creando tu cuenta…",
  confirming: "Confirmando tu cuenta…",
  sending: "Enviando un código nuevo…",
  signingIn: "Iniciando sesión…",

  codeSentTo: (destination) => `Hemos enviado un código a ${destination}. Escríbelo a continuación.`,
  codeSent: "Te hemos enviado un código. Escríbelo a continuación.",
  codeSentSms: (destination) => `Hemos enviado un código por SMS al ${destination}. Escríbelo a continuación.`,
  newCodeSentTo: (destination) => `Hemos enviado un código nuevo a ${destination}. Los códigos anteriores ya no sirven.`,
  newCodeSent: "Te hemos enviado un código nuevo. Los códigos anteriores ya no sirven.",
  confirmIntro: "Escribe tu nombre de usuario y el código que te hemos enviado.",
  confirmIntroFor: (username) => `Escribe el código que te hemos enviado para ${username}.`,
  resendIn: (time) => `Podrás pedir un código nuevo dentro de ${time}.`,
  resendAvailable: "Ya puedes pedir un código nuevo.",
  maybeCreated: "Es posible que tu cuenta se haya creado hace un momento. Escribe el código que te hemos enviado o pide uno nuevo.",

  signedIn: (username) => `Has iniciado sesión como ${username}.`,
  signInNow: "Ya puedes iniciar sesión con tu nombre de usuario y tu contraseña.",
  signInChallenge: "Inicia sesión para terminar: tu cuenta pide un paso más.",

  required: (label) => `Rellena el campo «${label}».`,
  requiredCode: "Escribe el código que te hemos enviado.",
  emailFormat: "Escribe un correo electrónico como nombre@example.com.",
  phoneFormat: "Escribe el número de teléfono con el prefijo del país, por ejemplo +34612345678.",
  codeFormat: (length) => `El código tiene ${length} dígitos.`,

  CodeMismatchException: "Ese código no es correcto. Revisa el último código que te hemos enviado.",
  ExpiredCodeException:
    "Ese código ha caducado o ya se ha usado. Pide un código nuevo. Si ya confirmaste tu cuenta, inicia sesión.",
  NotAuthorizedException: "Esta cuenta no se puede confirmar ahora. Si ya la confirmaste, inicia sesión.",
  TooManyAttempts: "Demasiados intentos. Espera unos minutos y vuelve a intentarlo.",
  UserNotFoundException: "No hay ninguna cuenta con ese nombre de usuario. Revísalo o crea una cuenta.",
  UsernameExistsException: "Ese nombre de usuario ya está en uso. Elige otro o inicia sesión si es tuyo.",
  InvalidPasswordException:
    "Esa contraseña no cumple las normas de este sitio. Elige una más larga, con mayúsculas, minúsculas, números y símbolos.",
  LambdaRefused: "Las comprobaciones de este sitio han rechazado el registro. Revisa tus datos o ponte en contacto con el soporte.",
  DeliverySetup: "No hemos podido enviar el código. Inténtalo de nuevo más tarde.",
  AutoSignInUnavailable: "Ya puedes iniciar sesión con tu nombre de usuario y tu contraseña.",
  AliasExistsException: "Ese correo electrónico o número de teléfono ya pertenece a otra cuenta.",
  CodeDeliveryFailureException: "No hemos podido enviar un código a esa dirección. Revísala y vuelve a intentarlo.",
  InvalidParameterException: "Algunos de tus datos no se han aceptado. Revísalos y vuelve a intentarlo.",
  Offline: "No hemos podido conectar con el servidor. Comprueba tu conexión y vuelve a intentarlo.",
  Unexpected: "Algo ha fallado por nuestra parte. Inténtalo de nuevo más tarde.",
  invalidUsername: "Un nombre de usuario tiene como máximo 128 caracteres y ningún espacio.",
  invalidPassword: "Esa contraseña no se acepta: es demasiado larga o empieza o termina con un espacio.",
  invalidCode: "Escribe el código tal como lo recibiste.",
  invalidAttribute: (label) => `Revisa el campo «${label}»: es demasiado largo o tiene caracteres no admitidos.`,
};

register("es", es);
export default es;
