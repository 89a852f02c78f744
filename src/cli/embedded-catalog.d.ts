/** Resolved by the bundler (src/lib/cli-bundle.ts) to the built /api/catalog.json. */
declare module 'badgateway:catalog' {
  const catalog: unknown;
  export default catalog;
}
