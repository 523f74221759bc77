export { PanelMessages, MessageAlert, type PanelMessagesProps } from './PanelMessages';
