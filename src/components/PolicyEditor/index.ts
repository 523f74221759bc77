export { PolicyEditor, type PolicyEditorProps } from './PolicyEditor';
export * as policyEdits from './policyEdits';
