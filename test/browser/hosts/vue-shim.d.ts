// For this project's own type-check (tsconfig.json), which does not read
// `.vue` files: the Vue host's components are checked by vue-tsc against
// test/e2e/hosts/vue/tsconfig.json.
declare module '*.vue' {
  import type { DefineComponent } from 'vue';
  const component: DefineComponent;
  export default component;
}
