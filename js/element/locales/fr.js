// French texts of <cognito-sign-up>. A page that wants them imports this
// module once (`import "cognito-confirm/element/locales/fr"`): it registers
// the table for `fr`, which `fr-CA`, `fr-BE` and every other French tag fall
// back to, and every element already on the page switches at once.
//
// Vouvoiement, as French forms use it; wording that needs no agreement with
// the user's gender ("Session ouverte", not "Vous êtes connecté·e"). French
// typography: a no-break space (\u00a0) before ":" and inside « », and the apostrophe ’.
import { register } from "../strings.js";

/** Every key of the English table, in French. */
const fr = {
  signUpHeading: "Créez votre compte",
  confirmHeading: "Confirmez votre compte",
  doneHeading: "Votre compte est confirmé",

  label_username: "Nom d’utilisateur",
  label_password: "Mot de passe",
  label_code: "Code de confirmation",
  label_email: "Adresse e-mail",
  label_phone_number: "Numéro de téléphone avec indicatif du pays",

  signUpButton: "Créer mon compte",
  confirmButton: "Confirmer",
  resendButton: "Envoyer un nouveau code",
  haveCodeLink: "J’ai déjà un code",

  signingUp: "Création de votre compte…",
  confirming: "Confirmation de votre compte…",
  sending: "Envoi d’un nouveau code…",
  signingIn: "Connexion en cours…",

  codeSentTo: (destination) => `Nous avons envoyé un code à ${destination}.`,
  newCodeSentTo: (destination) => `Nous avons envoyé un nouveau code à ${destination}. Les codes précédents ne sont plus valables.`,
  newCodeSent: "Nous vous avons envoyé un nouveau code. Les codes précédents ne sont plus valables.",
  confirmIntro: "Saisissez votre nom d’utilisateur et le code que nous vous avons envoyé.",
  confirmIntroFor: (username) => `Saisissez le code que nous vous avons envoyé pour ${username}.`,
  resendIn: (time) => `Nouveau code possible dans ${time}.`,
  resendAvailable: "Vous pouvez maintenant demander un nouveau code.",

  signedIn: (username) => `Session ouverte en tant que ${username}.`,
  signInNow: "Connectez-vous avec votre nom d’utilisateur et votre mot de passe.",

  required: (label) => `Renseignez le champ «\u00a0${label}\u00a0».`,
  emailFormat: "Saisissez une adresse e-mail de la forme nom@example.com.",
  phoneFormat: "Saisissez le numéro avec l’indicatif du pays.",
  codeFormat: (length) => `Le code comporte ${length} chiffres.`,

  CodeMismatchException: "Ce code n’est pas le bon. Vérifiez notre dernier message.",
  ExpiredCodeException: "Ce code a expiré ou a déjà servi. Demandez-en un nouveau, ou connectez-vous si vous avez déjà confirmé.",
  NotAuthorizedException: "Ce compte ne peut pas être confirmé. Si vous l’avez déjà fait, connectez-vous.",
  TooManyAttempts: "Trop de tentatives. Patientez quelques minutes.",
  UserNotFoundException: "Aucun compte n’a ce nom d’utilisateur. Vérifiez-le, ou inscrivez-vous.",
  UsernameExistsException: "Ce nom d’utilisateur est déjà pris. Choisissez-en un autre, ou connectez-vous.",
  InvalidPasswordException: "Ce mot de passe est trop faible. Choisissez-en un plus robuste.",
  LambdaRefused: "Les vérifications de ce site ont refusé l’inscription.",
  AliasExistsException: "Cette adresse e-mail ou ce numéro de téléphone appartient à un autre compte.",
  CodeDeliveryFailureException: "Nous n’avons pas pu envoyer de code à cette adresse. Vérifiez-la.",
  Offline: "Impossible de joindre le serveur. Vérifiez votre connexion et réessayez.",
  Unexpected: "Une erreur s’est produite de notre côté. Réessayez plus tard.",
  invalidUsername: "128 caractères au plus, sans espace.",
  invalidPassword: "256 caractères au plus, sans espace au début ni à la fin.",
  invalidCode: "Saisissez le code exactement tel que vous l’avez reçu.",
  invalidAttribute: (label) => `Vérifiez le champ «\u00a0${label}\u00a0».`,
};

register("fr", fr);
export default fr;
