import { render } from 'preact';
import { App } from './app';
import { takeTokenFromLink } from './session';
import './styles.css';

takeTokenFromLink();
render(<App />, document.getElementById('app')!);
