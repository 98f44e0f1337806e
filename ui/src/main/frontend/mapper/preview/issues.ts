/* The issue list the panel and the publish button share: the trees' list (mapper/issues.ts), so a target row's
 * state and the panel never disagree. */
export { useIssues, type Issue } from '../issues';
