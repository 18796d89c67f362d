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
  label_phone_number: "Telefonnummer",
  label_name: "Vollständiger Name",
  label_given_name: "Vorname",
  label_family_name: "Nachname",
  label_nickname: "Spitzname",
  label_preferred_username: "Bevorzugter Benutzername",
  label_birthdate: "Geburtsdatum",

  passwordHint: "Verwenden Sie ein Passwort, das Sie nirgendwo sonst nutzen.",
  codeHint: (length) => `Der ${length}-stellige Code aus Ihrer Nachricht.`,
  phoneHint: "Mit Ländervorwahl, zum Beispiel +491701234567.",

  signUpButton: "Registrieren",
  confirmButton: "Bestätigen",
  resendButton: "Neuen Code senden",
  haveCodeLink: "Ich habe bereits einen Code",
  signUpLink: "Ich habe noch kein Konto",

  signingUp: "Ihr Konto wird erstellt …",
  confirming: "Ihr Konto wird bestätigt …",
  sending: "Ein neuer Code wird gesendet …",
  signingIn: "Sie werden angemeldet …",

  codeSentTo: (destination) => `Wir haben einen Code an ${destination} gesendet. Geben Sie ihn unten ein.`,
  codeSent: "Wir haben Ihnen einen Code gesendet. Geben Sie ihn unten ein.",
  codeSentSms: (destination) => `Wir haben einen Code per SMS an ${destination} gesendet. Geben Sie ihn unten ein.`,
  newCodeSentTo: (destination) => `Wir haben einen neuen Code an ${destination} gesendet. Früher gesendete Codes gelten nicht mehr.`,
  newCodeSent: "Wir haben Ihnen einen neuen Code gesendet. Früher gesendete Codes gelten nicht mehr.",
  confirmIntro: "Geben Sie Ihren Benutzernamen und den Code ein, den wir Ihnen gesendet haben.",
  confirmIntroFor: (username) => `Geben Sie den Code ein, den wir Ihnen für ${username} gesendet haben.`,
  resendIn: (time) => `Sie können in ${time} einen neuen Code anfordern.`,
  resendAvailable: "Sie können jetzt einen neuen Code anfordern.",
  maybeCreated:
    "Ihr Konto wurde möglicherweise gerade eben erstellt. Geben Sie den Code ein, den wir Ihnen gesendet haben, oder fordern Sie einen neuen an.",

  signedIn: (username) => `Sie sind als ${username} angemeldet.`,
  signInNow: "Sie können sich jetzt mit Ihrem Benutzernamen und Passwort anmelden.",
  signInChallenge: "Melden Sie sich an, um abzuschließen: Ihr Konto verlangt noch einen weiteren Schritt.",

  required: (label) => `Bitte füllen Sie das Feld „${label}“ aus.`,
  requiredCode: "Geben Sie den Code ein, den wir Ihnen gesendet haben.",
  emailFormat: "Geben Sie eine E-Mail-Adresse wie name@example.com ein.",
  phoneFormat: "Geben Sie die Telefonnummer mit Ländervorwahl ein, zum Beispiel +491701234567.",
  codeFormat: (length) => `Der Code hat ${length} Stellen.`,

  CodeMismatchException: "Dieser Code ist nicht richtig. Prüfen Sie den zuletzt gesendeten Code.",
  ExpiredCodeException:
    "Dieser Code ist abgelaufen oder wurde bereits verwendet. Fordern Sie einen neuen Code an. Falls Sie Ihr Konto schon bestätigt haben, melden Sie sich an.",
  NotAuthorizedException: "Dieses Konto kann jetzt nicht bestätigt werden. Falls Sie es schon bestätigt haben, melden Sie sich an.",
  TooManyAttempts: "Zu viele Versuche. Warten Sie einige Minuten und versuchen Sie es dann erneut.",
  UserNotFoundException: "Es gibt kein Konto mit diesem Benutzernamen. Prüfen Sie ihn oder erstellen Sie ein Konto.",
  UsernameExistsException: "Dieser Benutzername ist bereits vergeben. Wählen Sie einen anderen, oder melden Sie sich an, falls es Ihr Konto ist.",
  InvalidPasswordException:
    "Dieses Passwort erfüllt die Anforderungen dieser Website nicht. Wählen Sie ein längeres mit Groß- und Kleinbuchstaben, Ziffern und Sonderzeichen.",
  LambdaRefused: "Die Prüfungen dieser Website haben die Registrierung abgelehnt. Prüfen Sie Ihre Angaben oder wenden Sie sich an den Support.",
  DeliverySetup: "Wir konnten den Code nicht senden. Versuchen Sie es später erneut.",
  AutoSignInUnavailable: "Sie können sich jetzt mit Ihrem Benutzernamen und Passwort anmelden.",
  AliasExistsException: "Diese E-Mail-Adresse oder Telefonnummer gehört bereits zu einem anderen Konto.",
  CodeDeliveryFailureException: "Wir konnten dorthin keinen Code senden. Prüfen Sie die Adresse und versuchen Sie es erneut.",
  InvalidParameterException: "Einige Ihrer Angaben wurden nicht angenommen. Prüfen Sie sie und versuchen Sie es erneut.",
  Offline: "Der Server ist nicht erreichbar. Prüfen Sie Ihre Verbindung und versuchen Sie es erneut.",
  Unexpected: "Bei uns ist ein Fehler aufgetreten. Versuchen Sie es später erneut.",
  invalidUsername: "Ein Benutzername hat höchstens 128 Zeichen und keine Leerzeichen.",
  invalidPassword: "Dieses Passwort wird nicht angenommen: Es ist zu lang oder beginnt oder endet mit einem Leerzeichen.",
  invalidCode: "Geben Sie den Code genau so ein, wie Sie ihn erhalten haben.",
  invalidAttribute: (label) => `Prüfen Sie das Feld „${label}“: Der Eintrag ist zu lang oder enthält unzulässige Zeichen.`,
};

register("de", de);
export default de;
