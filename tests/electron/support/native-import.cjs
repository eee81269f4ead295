/* global module */
// Loaded with a plain `require`, so this import() is Node's own: vitest neither transforms
// what it loads nor resolves `electron` in it (the module hooks do).
module.exports = (url) => import(url);
