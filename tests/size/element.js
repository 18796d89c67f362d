// The element as a page uses it: the define entry, which brings the element,
// its CSS (css.js) and the English strings; scripts/size.sh subtracts the
// package's calls (calls.js) to print what the element costs on top.
import "../../pkg/element/define.js";
