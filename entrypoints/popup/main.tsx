import { render } from 'preact';

render(<p>Glossa</p>, document.getElementById('app') as HTMLElement);
