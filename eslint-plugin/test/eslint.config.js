// The recommended config, as the README shows it, for cli.test.mjs.
import closecodes from "eslint-plugin-closecodes";

export default [closecodes.configs.recommended];
