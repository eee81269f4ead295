// Node module hooks (module.register): every import of `electron` — by the built main bundle
// and by electron-store inside node_modules — gets the stand-in instead of the real package
// (whose index.js throws when the binary was never downloaded).
let standInUrl;

export function initialize(data) {
  standInUrl = data.standInUrl;
}

export async function resolve(specifier, context, nextResolve) {
  if (specifier === 'electron' || /[/\\]node_modules[/\\]electron[/\\]index\.js$/.test(specifier)) {
    return { url: standInUrl, shortCircuit: true };
  }
  return nextResolve(specifier, context);
}
