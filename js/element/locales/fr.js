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
  label_phone_number: "Numéro de téléphone",
  label_name: "Nom complet",
  label_given_name: "Prénom",
  label_family_name: "Nom",
  label_nickname: "Surnom",
  label_preferred_username: "Nom d’utilisateur préféré",
  label_birthdate: "Date de naissance",

  passwordHint: "Choisissez un mot de passe que vous n’utilisez nulle part ailleurs.",
  codeHint: (length) => `Le code à ${length} chiffres reçu dans votre message.`,
  phoneHint: "Avec l’indicatif du pays, par exemple +33612345678.",

  signUpButton: "Créer mon compte",
  confirmButton: "Confirmer",
  resendButton: "Envoyer un nouveau code",
  haveCodeLink: "J’ai déjà un code",
  signUpLink: "Je n’ai pas encore de compte",

  signingUp: "Création de votre compte…",
  confirming: "Confirmation de votre compte…",
  sending: "Envoi d’un nouveau code…",
  signingIn: "Connexion en cours…",

  codeSentTo: (destination) => `Nous avons envoyé un code à ${destination}. Saisissez-le ci-dessous.`,
  codeSent: "Nous vous avons envoyé un code. Saisissez-le ci-dessous.",
  codeSentSms: (destination) => `Nous avons envoyé un code par SMS au ${destination}. Saisissez-le ci-dessous.`,
  newCodeSentTo: (destination) =>
    `Nous avons envoyé un nouveau code à ${destination}. Les codes envoyés auparavant ne sont plus valables.`,
  newCodeSent: "Nous vous avons envoyé un nouveau code. Les codes envoyés auparavant ne sont plus valables.",
  confirmIntro: "Saisissez votre nom d’utilisateur et le code que nous vous avons envoyé.",
  confirmIntroFor: (username) => `Saisissez le code que nous vous avons envoyé pour ${username}.`,
  resendIn: (time) => `Vous pourrez demander un nouveau code dans ${time}.`,
  resendAvailable: "Vous pouvez maintenant demander un nouveau code.",
  maybeCreated:
    "Votre compte a peut-être été créé il y a un instant. Saisissez le code que nous vous avons envoyé, ou demandez-en un nouveau.",

  signedIn: (username) => `Session ouverte en tant que ${username}.`,
  signInNow: "Vous pouvez maintenant vous connecter avec votre nom d’utilisateur et votre mot de passe.",
  signInChallenge: "Connectez-vous pour terminer\u00a0: votre compte demande une étape de plus.",

  required: (label) => `Renseignez le champ «\u00a0${label}\u00a0».`,
  requiredCode: "Saisissez le code que nous vous avons envoyé.",
  emailFormat: "Saisissez une adresse e-mail de la forme nom@example.com.",
  phoneFormat: "Saisissez le numéro de téléphone avec l’indicatif du pays, par exemple +33612345678.",
  codeFormat: (length) => `Le code comporte ${length} chiffres.`,

  CodeMismatchException: "Ce code n’est pas le bon. Vérifiez le dernier code que nous vous avons envoyé.",
  ExpiredCodeException:
    "Ce code a expiré ou a déjà été utilisé. Demandez un nouveau code. Si vous avez déjà confirmé votre compte, connectez-vous.",
  NotAuthorizedException: "Ce compte ne peut pas être confirmé pour le moment. Si vous l’avez déjà confirmé, connectez-vous.",
  TooManyAttempts: "Trop de tentatives. Patientez quelques minutes, puis réessayez.",
  UserNotFoundException: "Aucun compte ne correspond à ce nom d’utilisateur. Vérifiez-le ou créez un compte.",
  UsernameExistsException: "Ce nom d’utilisateur est déjà pris. Choisissez-en un autre, ou connectez-vous s’il s’agit du vôtre.",
  InvalidPasswordException:
    "Ce mot de passe ne respecte pas les règles de ce site. Choisissez-en un plus long, avec des majuscules, des minuscules, des chiffres et des symboles.",
  LambdaRefused: "Les vérifications de ce site ont refusé l’inscription. Vérifiez les informations saisies ou contactez l’assistance.",
  DeliverySetup: "Nous n’avons pas pu envoyer le code. Réessayez plus tard.",
  AutoSignInUnavailable: "Vous pouvez maintenant vous connecter avec votre nom d’utilisateur et votre mot de passe.",
  AliasExistsException: "Cette adresse e-mail ou ce numéro de téléphone appartient déjà à un autre compte.",
  CodeDeliveryFailureException: "Nous n’avons pas pu envoyer de code à cette adresse. Vérifiez-la et réessayez.",
  InvalidParameterException: "Certaines informations saisies n’ont pas été acceptées. Vérifiez-les et réessayez.",
  Offline: "Impossible de joindre le serveur. Vérifiez votre connexion et réessayez.",
  Unexpected: "Une erreur s’est produite de notre côté. Réessayez plus tard.",
  invalidUsername: "Un nom d’utilisateur comporte au plus 128 caractères, sans espace.",
  invalidPassword: "Ce mot de passe n’est pas accepté\u00a0: il est trop long, ou commence ou se termine par une espace.",
  invalidCode: "Saisissez le code exactement tel que vous l’avez reçu.",
  invalidAttribute: (label) =>
    `Vérifiez le champ «\u00a0${label}\u00a0»\u00a0: la saisie est trop longue ou contient des caractères non acceptés.`,
};

register("fr", fr);
export default fr;
