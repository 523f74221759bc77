export { SipCodesPanel } from './SipCodesPanel';
export { usePanelModel, type PanelModelWithColors } from './usePanelModel';
