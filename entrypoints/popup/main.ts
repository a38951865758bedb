import './popup.css';
import { start } from './start';

start();
