// The dashboard view's styles (ui/dashboard/DashboardView loads this module), bundled by Vite like the editors' CSS.
import './dashboard.css';
