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
  label_phone_number: "電話番号",
  label_name: "氏名",
  label_given_name: "名",
  label_family_name: "姓",
  label_nickname: "ニックネーム",
  label_preferred_username: "希望するユーザー名",
  label_birthdate: "生年月日",

  passwordHint: "他のサイトで使っていないパスワードにしてください。",
  codeHint: (length) => `メッセージに記載された${length}桁のコードです。`,
  phoneHint: "国番号から入力してください（例: +819012345678）。",

  signUpButton: "アカウントを作成",
  confirmButton: "確認する",
  resendButton: "新しいコードを送信",
  haveCodeLink: "コードをすでにお持ちの方",
  signUpLink: "アカウントをお持ちでない方",

  signingUp: "アカウントを作成しています…",
  confirming: "アカウントを確認しています…",
  sending: "新しいコードを送信しています…",
  signingIn: "ログインしています…",

  codeSentTo: (destination) => `${destination} にコードを送信しました。下の欄に入力してください。`,
  codeSent: "コードを送信しました。下の欄に入力してください。",
  codeSentSms: (destination) => `${destination} にSMSでコードを送信しました。下の欄に入力してください。`,
  newCodeSentTo: (destination) => `${destination} に新しいコードを送信しました。以前に送信したコードは使用できません。`,
  newCodeSent: "新しいコードを送信しました。以前に送信したコードは使用できません。",
  confirmIntro: "ユーザー名と、お送りしたコードを入力してください。",
  confirmIntroFor: (username) => `${username} 宛てにお送りしたコードを入力してください。`,
  resendIn: (time) => `新しいコードは${time}後にリクエストできます。`,
  resendAvailable: "新しいコードをリクエストできるようになりました。",
  maybeCreated: "アカウントはすでに作成されている可能性があります。お送りしたコードを入力するか、新しいコードをリクエストしてください。",

  signedIn: (username) => `${username} としてログインしました。`,
  signInNow: "ユーザー名とパスワードでログインできるようになりました。",
  signInChallenge: "ログインして手続きを完了してください。アカウントで追加の手順が必要です。",

  required: (label) => `${label}を入力してください。`,
  requiredCode: "お送りしたコードを入力してください。",
  emailFormat: "name@example.com のような形式でメールアドレスを入力してください。",
  phoneFormat: "電話番号を国番号から入力してください（例: +819012345678）。",
  codeFormat: (length) => `コードは${length}桁です。`,

  CodeMismatchException: "コードが正しくありません。最後にお送りしたコードをご確認ください。",
  ExpiredCodeException:
    "このコードは有効期限が切れているか、すでに使用されています。新しいコードをリクエストしてください。アカウントの確認がお済みの場合は、ログインしてください。",
  NotAuthorizedException: "このアカウントは現在確認できません。確認がお済みの場合は、ログインしてください。",
  TooManyAttempts: "試行回数が上限を超えました。数分待ってから、もう一度お試しください。",
  UserNotFoundException: "このユーザー名のアカウントはありません。ユーザー名をご確認いただくか、アカウントを作成してください。",
  UsernameExistsException: "このユーザー名はすでに使われています。別のユーザー名を選ぶか、ご自身のものであればログインしてください。",
  InvalidPasswordException: "このパスワードはサイトの条件を満たしていません。大文字・小文字・数字・記号を含む、より長いパスワードにしてください。",
  LambdaRefused: "このサイトの確認により登録できませんでした。入力内容をご確認いただくか、サポートにお問い合わせください。",
  DeliverySetup: "コードを送信できませんでした。しばらくしてからもう一度お試しください。",
  AutoSignInUnavailable: "ユーザー名とパスワードでログインできるようになりました。",
  AliasExistsException: "このメールアドレスまたは電話番号は、別のアカウントで使用されています。",
  CodeDeliveryFailureException: "その宛先にコードを送信できませんでした。宛先をご確認のうえ、もう一度お試しください。",
  InvalidParameterException: "入力内容の一部が受け付けられませんでした。ご確認のうえ、もう一度お試しください。",
  Offline: "サーバーに接続できませんでした。インターネット接続を確認して、もう一度お試しください。",
  Unexpected: "システムで問題が発生しました。しばらくしてからもう一度お試しください。",
  invalidUsername: "ユーザー名は128文字以内で、スペースは使用できません。",
  invalidPassword: "このパスワードは使用できません。長すぎるか、先頭または末尾にスペースがあります。",
  invalidCode: "受け取ったとおりにコードを入力してください。",
  invalidAttribute: (label) => `${label}を確認してください。長すぎるか、使用できない文字が含まれています。`,
};

register("ja", ja);
export default ja;
