/** Wires the options page to the extension's storage and the notes database. */
import { render } from 'preact';
import { browser } from 'wxt/browser';
import { Options } from '../../components/Options';
import { localizeDocument } from '../../lib/i18n';
import { openNotesDb } from '../../lib/notes/db';
import '../popup/style.css';
import './style.css';

localizeDocument(document, 'titleOptions');

render(
  <Options
    storage={browser.storage.local}
    db={openNotesDb()}
    openNotes={() => void browser.tabs.create({ url: browser.runtime.getURL('/notes.html') })}
  />,
  document.getElementById('app') as HTMLElement,
);
