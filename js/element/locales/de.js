// German texts of <cognito-sign-up>. A page that wants them imports this
// module once (`import "cognito-confirm/element/locales/de"`): it registers
// the table for `de`, which `de-AT`, `de-CH` and every other German tag fall
// back to, and every element already on the page switches at once.
//
// Formal address (Sie), as German sign-up forms use it. A label is quoted
// („…“) rather than given an article, since its gender varies.
import { register } from "../strings.js";

/** Every key of the English table, in German. */
const de = {
  signUpHeading: "Konto erstellen",
  confirmHeading: "Konto bestätigen",
  doneHeading: "Ihr Konto ist bestätigt",

  label_username: "Benutzername",
  label_password: "Passwort",
  label_code: "Bestätigungscode",
  label_email: "E-Mail-Adresse",
  label_phone_number: "Telefonnummer mit Ländervorwahl",

  signUpButton: "Registrieren",
  confirmButton: "Bestätigen",
  resendButton: "Neuen Code senden",
  haveCodeLink: "Ich habe bereits einen Code",

  signingUp: "Ihr Konto wird erstellt …",
  confirming: "Ihr Konto wird bestätigt …",
  sending: "Ein neuer Code wird gesendet …",
  signingIn: "Sie werden angemeldet …",

  codeSentTo: (destination) => `Wir haben einen Code an ${destination} gesendet.`,
  newCodeSentTo: (destination) => `Wir haben einen neuen Code an ${destination} gesendet. Ältere Codes gelten nicht mehr.`,
  newCodeSent: "Wir haben Ihnen einen neuen Code gesendet. Ältere Codes gelten nicht mehr.",
  confirmIntro: "Geben Sie Ihren Benutzernamen und den Code ein, den wir Ihnen gesendet haben.",
  confirmIntroFor: (username) => `Geben Sie den Code ein, den wir Ihnen für ${username} gesendet haben.`,
  resendIn: (time) => `Neuer Code möglich in ${time}.`,
  resendAvailable: "Sie können jetzt einen neuen Code anfordern.",

  signedIn: (username) => `Sie sind als ${username} angemeldet.`,
  signInNow: "Melden Sie sich mit Ihrem Benutzernamen und Passwort an.",

  required: (label) => `Bitte füllen Sie das Feld „${label}“ aus.`,
  emailFormat: "Geben Sie eine E-Mail-Adresse wie name@example.com ein.",
  phoneFormat: "Geben Sie die Nummer mit Ländervorwahl ein.",
  codeFormat: (length) => `Der Code hat ${length} Stellen.`,

  CodeMismatchException: "Dieser Code ist nicht richtig. Prüfen Sie unsere letzte Nachricht.",
  ExpiredCodeException: "Dieser Code ist abgelaufen oder wurde schon verwendet. Fordern Sie einen neuen an, oder melden Sie sich an, falls Ihr Konto bereits bestätigt ist.",
  NotAuthorizedException: "Dieses Konto kann nicht bestätigt werden. Falls Sie das schon getan haben, melden Sie sich an.",
  TooManyAttempts: "Zu viele Versuche. Warten Sie einige Minuten.",
  UserNotFoundException: "Es gibt kein Konto mit diesem Benutzernamen. Prüfen Sie ihn, oder registrieren Sie sich.",
  UsernameExistsException: "Dieser Benutzername ist vergeben. Wählen Sie einen anderen, oder melden Sie sich an.",
  InvalidPasswordException: "Dieses Passwort ist zu schwach. Wählen Sie ein sichereres.",
  LambdaRefused: "Die Prüfungen dieser Website haben die Registrierung abgelehnt.",
  AliasExistsException: "Diese E-Mail-Adresse oder Telefonnummer gehört zu einem anderen Konto.",
  CodeDeliveryFailureException: "Wir konnten dorthin keinen Code senden. Prüfen Sie die Adresse.",
  Offline: "Der Server ist nicht erreichbar. Prüfen Sie Ihre Verbindung und versuchen Sie es erneut.",
  Unexpected: "Bei uns ist ein Fehler aufgetreten. Versuchen Sie es später erneut.",
  invalidUsername: "Höchstens 128 Zeichen, keine Leerzeichen.",
  invalidPassword: "Höchstens 256 Zeichen, ohne Leerzeichen am Anfang oder Ende.",
  invalidCode: "Geben Sie den Code genau so ein, wie Sie ihn erhalten haben.",
  invalidAttribute: (label) => `Prüfen Sie das Feld „${label}“.`,
};

register("de", de);
export default de;
