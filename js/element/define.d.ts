// Types of `cognito-confirm/element/define`: importing it defines <cognito-sign-up>, and brings the
// element's types (HTMLElementTagNameMap, the events, React's JSX) into the program.
import "./element.js";

export {};
