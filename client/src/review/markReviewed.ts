// "Mark reviewed today", run from the review code lens: applies the edit the language server
// computed (the `reviewed` date replaced by today's date in the contract's time zone).
import * as vscode from 'vscode';

interface LensEdit {
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
  newText: string;
}

function isLensEdit(value: unknown): value is LensEdit {
  const edit = value as LensEdit | undefined;
  return typeof edit?.newText === 'string' && typeof edit.range?.start?.line === 'number' && typeof edit.range?.end?.line === 'number';
}

/** Whether the edit was applied; arguments come from the lens: [document URI, edit]. */
export async function markReviewed(uri: unknown, edit: unknown): Promise<boolean> {
  if (typeof uri !== 'string' || !isLensEdit(edit)) {
    void vscode.window.showErrorMessage(vscode.l10n.t('SLA: use the code lens on `reviewed` to mark a contract reviewed today.'));
    return false;
  }
  const { start, end } = edit.range;
  const workspaceEdit = new vscode.WorkspaceEdit();
  workspaceEdit.replace(vscode.Uri.parse(uri), new vscode.Range(start.line, start.character, end.line, end.character), edit.newText);
  return vscode.workspace.applyEdit(workspaceEdit);
}
