import { useEffect, useRef } from 'react';
import { Chart, registerables, type ChartConfiguration } from 'chart.js';

Chart.register(...registerables);

/** The palette of the charts: the app's blues first, then distinct hues that print well in grey. */
export const PALETTE = ['#1f6fb2', '#b42318', '#1d7a46', '#9a5b00', '#6941c6', '#0e7490', '#be185d', '#4d5b6b', '#ca8a04', '#15803d', '#7c2d12'];

interface ChartViewProps {
  config: ChartConfiguration;
  /** What the chart shows, for screen readers (a table beside it gives the figures). */
  label: string;
  height?: number;
  testId?: string;
}

/** A chart.js chart on a canvas; rebuilt when its configuration changes, destroyed with the component. */
export function ChartView({ config, label, height = 280, testId }: ChartViewProps) {
  const canvas = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    if (!canvas.current) return;
    const rtl = document.documentElement.dir === 'rtl';
    const chart = new Chart(canvas.current, {
      ...config,
      options: {
        responsive: true,
        maintainAspectRatio: false,
        animation: false,
        ...config.options,
        plugins: { ...config.options?.plugins, legend: { rtl, ...config.options?.plugins?.legend }, tooltip: { rtl, ...config.options?.plugins?.tooltip } },
      },
    } as ChartConfiguration);
    // Printing resizes the page: the chart follows, so the PDF is not cut.
    const resize = () => chart.resize();
    window.addEventListener('beforeprint', resize);
    window.addEventListener('afterprint', resize);
    return () => {
      window.removeEventListener('beforeprint', resize);
      window.removeEventListener('afterprint', resize);
      chart.destroy();
    };
  }, [config]);
  return (
    <div className="chart-box" style={{ blockSize: height }} data-testid={testId}>
      <canvas ref={canvas} role="img" aria-label={label} />
    </div>
  );
}
