// Japanese texts of <cognito-sign-up>. A page that wants them imports this
// module once (`import "cognito-confirm/element/locales/ja"`): it registers
// the table for `ja` (and so `ja-JP`), and every element already on the page
// switches at once.
//
// Polite form (です・ます), as Japanese sign-up forms use it; "ログイン" for
// signing in, the word Japanese sites use.
import { register } from "../strings.js";

/** Every key of the English table, in Japanese. */
const ja = {
  signUpHeading: "アカウントの作成",
  confirmHeading: "アカウントの確認",
  doneHeading: "アカウントが確認されました",

  label_username: "ユーザー名",
  label_password: "パスワード",
  label_code: "確認コード",
  label_email: "メールアドレス",
  label_phone_number: "電話番号（国番号から）",

  signUpButton: "アカウントを作成",
  confirmButton: "確認する",
  resendButton: "新しいコードを送信",
  haveCodeLink: "コードをすでにお持ちの方",

  signingUp: "アカウントを作成しています…",
  confirming: "アカウントを確認しています…",
  sending: "新しいコードを送信しています…",
  signingIn: "ログインしています…",

  codeSentTo: (destination) => `${destination} にコードを送信しました。`,
  newCodeSentTo: (destination) => `${destination} に新しいコードを送信しました。以前のコードは使用できません。`,
  newCodeSent: "新しいコードを送信しました。以前のコードは使用できません。",
  confirmIntro: "ユーザー名と、お送りしたコードを入力してください。",
  confirmIntroFor: (username) => `${username} 宛てにお送りしたコードを入力してください。`,
  resendIn: (time) => `${time}後に新しいコードをリクエストできます。`,
  resendAvailable: "新しいコードをリクエストできるようになりました。",

  signedIn: (username) => `${username} としてログインしました。`,
  signInNow: "ユーザー名とパスワードでログインしてください。",

  required: (label) => `${label}を入力してください。`,
  emailFormat: "name@example.com のような形式でメールアドレスを入力してください。",
  phoneFormat: "番号を国番号から入力してください。",
  codeFormat: (length) => `コードは${length}桁です。`,

  CodeMismatchException: "コードが正しくありません。最新のメッセージをご確認ください。",
  ExpiredCodeException: "このコードは期限切れか、使用済みです。新しいコードをリクエストするか、確認済みの場合はログインしてください。",
  NotAuthorizedException: "このアカウントは確認できません。確認がお済みの場合は、ログインしてください。",
  TooManyAttempts: "試行回数が多すぎます。数分お待ちください。",
  UserNotFoundException: "このユーザー名のアカウントはありません。ご確認いただくか、新規登録してください。",
  UsernameExistsException: "このユーザー名はすでに使われています。別のユーザー名を選ぶか、ログインしてください。",
  InvalidPasswordException: "パスワードが弱すぎます。より強力なパスワードにしてください。",
  LambdaRefused: "このサイトの確認により登録できませんでした。",
  AliasExistsException: "このメールアドレスまたは電話番号は、別のアカウントで使用されています。",
  CodeDeliveryFailureException: "その宛先にコードを送信できませんでした。宛先をご確認ください。",
  Offline: "サーバーに接続できませんでした。インターネット接続を確認して、もう一度お試しください。",
  Unexpected: "システムで問題が発生しました。しばらくしてからもう一度お試しください。",
  invalidUsername: "128文字以内で、スペースは使えません。",
  invalidPassword: "256文字以内で、先頭と末尾にスペースは使えません。",
  invalidCode: "受け取ったとおりにコードを入力してください。",
  invalidAttribute: (label) => `${label}をご確認ください。`,
};

register("ja", ja);
export default ja;
