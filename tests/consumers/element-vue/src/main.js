import { createApp } from "vue";
import "cognito-confirm/element/define";
import App from "./App.vue";

window.cognitoEvents = [];
createApp(App, { endpoint: new URLSearchParams(location.search).get("endpoint") }).mount("#app");
