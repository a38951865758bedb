// In the page's head, so the last view is painted styled.
import '@/components/theme.css';
import './popup.css';

// popup-boot.js, which ran first, may be checking whether the popup's last view still holds
// (`<html data-view="checking">`). React and the database are fetched once it has decided:
// loading them alongside delayed that paint by about a quarter (README "The popup").
const html = document.documentElement;
const decided = new Promise<void>((ok) => {
  if (html.dataset.view !== 'checking') return ok();
  const watch = new MutationObserver(() => {
    if (html.dataset.view !== 'checking') watch.disconnect(), ok();
  });
  watch.observe(html, { attributes: true, attributeFilter: ['data-view'] });
});
void decided.then(() => import('./start')).then((live) => live.start());
