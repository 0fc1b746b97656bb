import { DeviceSidebar } from './components/device-sidebar.js';
import { MainPane } from './components/main-pane.js';

export function App() {
  return (
    <div className="layout">
      <DeviceSidebar />
      <MainPane />
    </div>
  );
}
