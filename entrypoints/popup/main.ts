import '@/components/theme.css';
import './popup.css';
import { start } from './start';

start();
