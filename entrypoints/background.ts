import { defineBackground } from 'wxt/utils/define-background';

export default defineBackground(() => {
  // Placeholder: filled in by the foundation work.
});
