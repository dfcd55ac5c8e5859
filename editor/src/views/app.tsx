export function App() {
  return <div>评议方案编辑器</div>;
}
